package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.PGobject;

/** Tools detect PostgreSQL from the metadata, and reach PgJDBC's own API through unwrap. */
@PgTest
class MetadataAndUnwrapTest {

  @BeforeAll
  static void schema(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE copied (id int, label text)",
        "CREATE TABLE ranges (r int4range)",
        "INSERT INTO ranges VALUES ('[1,5)')");
  }

  @Test
  void metadataIsPgJdbcs(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Connection plain = db.connect()) {
      DatabaseMetaData ours = c.getMetaData();
      DatabaseMetaData theirs = plain.getMetaData();
      assertInstanceOf(TrickleDatabaseMetaData.class, ours);
      assertEquals("PostgreSQL", ours.getDatabaseProductName());
      assertEquals(theirs.getDatabaseProductVersion(), ours.getDatabaseProductVersion());
      assertEquals(theirs.getDatabaseMajorVersion(), ours.getDatabaseMajorVersion());
      assertEquals(theirs.getDatabaseMinorVersion(), ours.getDatabaseMinorVersion());
      assertEquals(theirs.getDriverName(), ours.getDriverName());
      assertEquals(theirs.getDriverVersion(), ours.getDriverVersion());
      assertEquals(theirs.getURL(), ours.getURL());
      assertTrue(ours.getURL().startsWith("jdbc:postgresql:"), ours.getURL());
      assertEquals(theirs.getIdentifierQuoteString(), ours.getIdentifierQuoteString());
      assertEquals(theirs.storesLowerCaseIdentifiers(), ours.storesLowerCaseIdentifiers());
      assertEquals(theirs.getUserName(), ours.getUserName());
      assertSame(c, ours.getConnection());
      assertSame(ours, c.getMetaData(), "one wrapper per PgJDBC metadata object");
      try (ResultSet tables = ours.getTables(null, "public", "copied", null)) {
        assertTrue(tables.next());
        assertEquals("copied", tables.getString("TABLE_NAME"));
      }
    }
  }

  @Test
  void unwrapReachesPgJdbcsConnection(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      assertSame(c, c.unwrap(Connection.class));
      assertSame(c, c.unwrap(TrickleConnection.class));
      assertSame(c, c.unwrap(Wrapper.class));
      PGConnection pg = c.unwrap(PGConnection.class);
      assertInstanceOf(PgConnection.class, pg);
      assertSame(pg, c.unwrap(BaseConnection.class));
      assertTrue(c.isWrapperFor(PGConnection.class));
      assertTrue(c.isWrapperFor(BaseConnection.class));
      assertTrue(c.isWrapperFor(Connection.class));
      assertFalse(c.isWrapperFor(StringBuilder.class));
      try (Statement st = c.createStatement()) {
        assertSame(st, st.unwrap(Statement.class));
        assertInstanceOf(org.postgresql.PGStatement.class, st.unwrap(org.postgresql.PGStatement.class));
      }
    }
  }

  @Test
  void copyThroughCopyManager(TestDatabase db) throws Exception {
    try (Connection c = Connections.trickle(db)) {
      CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
      long rows = copy.copyIn("COPY copied FROM STDIN", new StringReader("1\tone\n2\ttwo\n"));
      assertEquals(2, rows);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy.copyOut("COPY (SELECT * FROM copied ORDER BY id) TO STDOUT", out);
      assertEquals("1\tone\n2\ttwo\n", out.toString(StandardCharsets.UTF_8));
      assertEquals(2, c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copied FROM STDIN",
          new StringReader("3\tthree\n4\tfour\n")));
    }
  }

  /** A custom type class, registered the way pgvector-java registers PGvector. */
  public static final class IntRange extends PGobject {
    private static final long serialVersionUID = 1L;

    public IntRange() {
      setType("int4range");
    }
  }

  @Test
  void addDataTypeLikePgvectorJava(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      c.unwrap(PGConnection.class).addDataType("int4range", IntRange.class);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT r FROM ranges")) {
        assertTrue(rs.next());
        IntRange range = assertInstanceOf(IntRange.class, rs.getObject(1));
        assertEquals("[1,5)", range.getValue());
      }
      IntRange other = new IntRange();
      other.setValue("[2,3]");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ranges VALUES (?)")) {
        ps.setObject(1, other);
        assertEquals(1, ps.executeUpdate());
      }
      assertEquals("[2,4)", Connections.scalar(c, "SELECT r FROM ranges WHERE r <> '[1,5)'"));
      if (db.extensionInstalled("vector")) {
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT '[1,2,3]'::vector")) {
          assertTrue(rs.next());
          assertEquals("[1,2,3]", rs.getString(1));
        }
      }
    }
  }
}
