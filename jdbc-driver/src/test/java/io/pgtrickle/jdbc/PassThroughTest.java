package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ordinary SQL through jdbc:pgtrickle: behaves exactly as through PgJDBC. */
@PgTest
class PassThroughTest {

  @BeforeAll
  static void schema(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, qty int NOT NULL DEFAULT 0)",
        "INSERT INTO items (name, qty) VALUES ('apple', 3), ('pear', 5)",
        "CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1'");
  }

  /** "rs:<columns>" or "count:<n>" for each result of the statement's current execution. */
  static List<String> results(Statement st, boolean firstIsResultSet) throws SQLException {
    List<String> seen = new ArrayList<>();
    boolean isResultSet = firstIsResultSet;
    while (true) {
      if (isResultSet) {
        ResultSet rs = st.getResultSet();
        assertSame(st, rs.getStatement());
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        seen.add("rs:" + rows);
      } else {
        long count = st.getLargeUpdateCount();
        if (count == -1) {
          assertEquals(-1, st.getUpdateCount());
          return seen;
        }
        assertEquals(count, st.getUpdateCount());
        seen.add("count:" + count);
      }
      isResultSet = st.getMoreResults();
    }
  }

  @Test
  void queriesAndUpdates(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT name FROM items ORDER BY id")) {
        assertInstanceOf(TrickleResultSet.class, rs);
        assertSame(st, rs.getStatement());
        assertTrue(rs.next());
        assertEquals("apple", rs.getString(1));
      }
      assertEquals(2, st.executeUpdate("UPDATE items SET qty = qty WHERE id <= 2"));
      assertEquals(2L, st.executeLargeUpdate("UPDATE items SET qty = qty WHERE id <= 2"));
      assertSame(c, st.getConnection());
    }
  }

  @Test
  void multiStatementStringsKeepPgJdbcResults(TestDatabase db) throws SQLException {
    String script =
        "CREATE TEMP TABLE scratch (x int); INSERT INTO scratch VALUES (1), (2); SELECT * FROM scratch;"
            + " UPDATE scratch SET x = x + 1; -- the materialized word in a comment\n SELECT 'materialized'";
    List<String> expected;
    try (Connection plain = db.connect();
        Statement st = plain.createStatement()) {
      expected = plainResults(st, st.execute(script));
    }
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertEquals(expected, results(st, st.execute(script)));
    }
    assertEquals(List.of("count:0", "count:2", "rs:2", "count:2", "rs:1"), expected);
  }

  private static List<String> plainResults(Statement st, boolean first) throws SQLException {
    List<String> seen = new ArrayList<>();
    boolean isResultSet = first;
    while (true) {
      if (isResultSet) {
        int rows = 0;
        ResultSet rs = st.getResultSet();
        while (rs.next()) {
          rows++;
        }
        seen.add("rs:" + rows);
      } else if (st.getUpdateCount() == -1) {
        return seen;
      } else {
        seen.add("count:" + st.getUpdateCount());
      }
      isResultSet = st.getMoreResults();
    }
  }

  @Test
  void batches(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE b (x int)");
      st.addBatch("INSERT INTO b VALUES (1)");
      st.addBatch("INSERT INTO b SELECT generate_series(1, 3)");
      assertArrayEquals(new int[] {1, 3}, st.executeBatch());
      st.addBatch("INSERT INTO b VALUES (1)");
      st.addBatch("INSERT INTO b VALUES ('not a number')");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, st::executeBatch);
      assertEquals("22P02", e.getSQLState());
      assertEquals("4", Connections.scalar(c, "SELECT count(*) FROM b"), "a failed batch is rolled back");
      assertThrows(SQLException.class, () -> st.addBatch("SELECT 1; SELECT 2"), "PgJDBC's own check");
    }
  }

  @Test
  void preparedStatementsWithParametersAndGeneratedKeys(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO items (name, qty) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        assertInstanceOf(TricklePreparedStatement.class, ps);
        ps.setString(1, "plum");
        ps.setInt(2, 7);
        assertEquals(1, ps.executeUpdate());
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertSame(ps, keys.getStatement());
          assertTrue(keys.next());
          assertTrue(keys.getInt("id") > 2);
        }
        ps.setString(1, "fig");
        ps.setInt(2, 1);
        ps.addBatch();
        ps.setString(1, "kiwi");
        ps.setInt(2, 2);
        ps.addBatch();
        assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT qty FROM items WHERE name = ?")) {
        ps.setString(1, "plum");
        try (ResultSet rs = ps.executeQuery()) {
          assertSame(ps, rs.getStatement());
          assertTrue(rs.next());
          assertEquals(7, rs.getInt(1));
        }
        assertSame(c, ps.getConnection());
      }
      try (Statement st = c.createStatement()) {
        assertTrue(st.execute("INSERT INTO items (name) VALUES ('lime') RETURNING id", Statement.NO_GENERATED_KEYS));
        assertEquals(1, st.executeUpdate("INSERT INTO items (name) VALUES ('date')", new String[] {"id"}));
        try (ResultSet keys = st.getGeneratedKeys()) {
          assertTrue(keys.next());
        }
      }
    }
  }

  @Test
  void callableStatements(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
      assertInstanceOf(TrickleCallableStatement.class, cs);
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setInt(2, 41);
      cs.execute();
      assertEquals(42, cs.getInt(1));
    }
  }

  @Test
  void transactionsAndErrors(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.executeUpdate("INSERT INTO items (name) VALUES ('rolled back')");
      c.rollback();
      c.setAutoCommit(true);
      assertEquals("0", Connections.scalar(c, "SELECT count(*) FROM items WHERE name = 'rolled back'"));
      SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT * FROM no_such_table"));
      assertEquals("42P01", e.getSQLState());
      assertThrows(SQLException.class, () -> st.executeQuery("UPDATE items SET qty = qty"));
      st.execute("DROP TABLE IF EXISTS not_there");
      SQLWarning warning = st.getWarnings();
      assertNotNull(warning, "PostgreSQL's NOTICE arrives as a warning");
    }
  }

  @Test
  void plainMaterializedViewsAreUntouched(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertEquals(2, st.executeUpdate("CREATE MATERIALIZED VIEW plain_mv AS SELECT * FROM items WHERE id <= 2"));
      assertTrue(Connections.isMaterializedView(db, "plain_mv"));
      assertEquals(0, st.executeUpdate("REFRESH MATERIALIZED VIEW plain_mv"));
      assertEquals(0, st.executeUpdate("ALTER MATERIALIZED VIEW plain_mv SET (fillfactor = 50)"));
      assertEquals(0, st.executeUpdate("ALTER MATERIALIZED VIEW plain_mv RENAME TO plain_mv2"));
      try (PreparedStatement ps = c.prepareStatement("REFRESH MATERIALIZED VIEW plain_mv2")) {
        assertEquals(0, ps.executeUpdate());
      }
      st.addBatch("REFRESH MATERIALIZED VIEW plain_mv2");
      st.addBatch("INSERT INTO items (name) VALUES ('batched')");
      assertArrayEquals(new int[] {0, 1}, st.executeBatch());
      assertFalse(st.execute("SELECT 1; DROP MATERIALIZED VIEW plain_mv2") && false);
      assertFalse(Connections.relationExists(db, "plain_mv2"));
      SQLException e =
          assertThrows(SQLException.class, () -> st.execute("REFRESH MATERIALIZED VIEW no_such_view"));
      assertEquals("42P01", e.getSQLState(), "PostgreSQL answers for unknown names");
    }
  }

  @Test
  void streamFalseMakesAPlainMaterializedView(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertEquals(
          2,
          st.executeUpdate(
              "CREATE MATERIALIZED VIEW plain_false WITH (pgtrickle.stream = false, fillfactor = 60)"
                  + " AS SELECT * FROM items WHERE id <= 2"));
      assertTrue(Connections.isMaterializedView(db, "plain_false"));
      assertEquals("{fillfactor=60}", Connections.scalar(db, "SELECT reloptions FROM pg_class WHERE relname = 'plain_false'"));
      try (PreparedStatement ps =
          c.prepareStatement("CREATE MATERIALIZED VIEW plain_false2 WITH (pgtrickle.stream = off) AS SELECT 1")) {
        assertEquals(1, ps.executeUpdate());
      }
      assertTrue(Connections.isMaterializedView(db, "plain_false2"));
    }
  }

  @Test
  void nativeSqlIsPgJdbcs(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Connection plain = db.connect()) {
      String sql = "SELECT {fn ucase('materialized')}, ? FROM items";
      assertEquals(plain.nativeSQL(sql), c.nativeSQL(sql));
    }
  }

  @Test
  void resultSetWrapperIsStableAndAbsentWithoutResults(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertNull(st.getResultSet());
      assertTrue(st.execute("SELECT 1"));
      assertSame(st.getResultSet(), st.getResultSet());
      assertFalse(st.getMoreResults());
      assertEquals(-1, st.getUpdateCount());
    }
  }
}
