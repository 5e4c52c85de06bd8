package io.pgtrickle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Second class: a different, fresh database; constructor and @BeforeEach injection; A's database dropped. */
@PgTest
class PerClassDatabaseBTest {
  private final TestDatabase db;

  PerClassDatabaseBTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void before(TestDatabase again) {
    assertSame(db, again);
  }

  @Test
  void freshDatabaseWithoutTheOtherClassesTables() throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT to_regclass('public.marker') IS NULL")) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1), "a table created by another class is visible");
    }
    assertTrue(db.name().startsWith("pgt_perclassdatabasebtest_"), db.name());
  }

  @Test
  void theOtherClassGotAnotherDatabaseWhichIsDroppedNow() throws SQLException {
    String other = PerClassDatabaseATest.databaseName;
    if (other == null) {
      return; // B run alone
    }
    assertNotEquals(other, db.name());
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, other);
      try (ResultSet rs = ps.executeQuery()) {
        assertFalse(rs.next(), other + " was not dropped after its class");
      }
    }
  }

  @Test
  void urlsAndProperties(PostgresServer server) {
    assertSame(PostgresServer.shared(), server);
    assertSame(server, db.server());
    assertEquals("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(), db.jdbcUrl());
    assertEquals("jdbc:pgtrickle://" + db.host() + ":" + db.port() + "/" + db.name(), db.pgtrickleUrl());
    assertEquals(server.superuser(), db.properties().getProperty("user"));
    assertEquals(server.jdbcUrl(db.name()), db.jdbcUrl());
    assertTrue(server.serverVersionNum() >= 100000, "server_version_num " + server.serverVersionNum());
    assertNotNull(server.describe());
  }

  @Test
  void serverIsConfiguredForLogicalDecoding() throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('wal_level'),"
            + " current_setting('max_replication_slots')::int >= 10")) {
      assertTrue(rs.next());
      assertEquals("logical", rs.getString(1));
      assertTrue(rs.getBoolean(2));
    }
  }

  @Test
  void vectorExtensionCreatedWhenAvailable() throws SQLException {
    assertEquals(db.extensionAvailable("vector"), db.extensionInstalled("vector"));
    assertFalse(db.extensionAvailable("no_such_extension_xyz"));
  }
}
