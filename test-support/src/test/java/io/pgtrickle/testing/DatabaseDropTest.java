package io.pgtrickle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Databases.create/drop directly: names, FORCE with an open connection, logical slots dropped first. */
@PgTest
class DatabaseDropTest {

  @Test
  void dropsWithOpenConnectionAndLogicalSlot(PostgresServer server) throws SQLException {
    TestDatabase db = Databases.create(server, "DropMe");
    Connection open = db.connect();
    try (Statement st = open.createStatement()) {
      // Slot names are global; the database name is unique and a valid slot name.
      st.execute("SELECT pg_create_logical_replication_slot('" + db.name() + "', 'pgoutput')");
    }
    assertTrue(exists(server, db.name()));
    Databases.drop(db);
    assertFalse(exists(server, db.name()));
    assertTrue(open.isClosed() || !open.isValid(2));
    try (Connection admin = server.connect(server.adminDatabase());
        PreparedStatement ps = admin.prepareStatement(
            "SELECT count(*) FROM pg_replication_slots WHERE database = ?")) {
      ps.setString(1, db.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
    }
  }

  @Test
  void namesAreSanitisedAndShort() {
    assertEquals("pgt_my_test_1", Databases.name("My$Test", 1));
    String longName = Databases.name("X".repeat(100), 123456);
    assertEquals(63, longName.length());
    assertTrue(longName.endsWith("_123456"), longName);
    assertTrue(longName.matches("[a-z0-9_]+"), longName);
  }

  private static boolean exists(PostgresServer server, String name) throws SQLException {
    try (Connection admin = server.connect(server.adminDatabase());
        PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
