package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REFRESH, ALTER and DROP of stream tables, warnings, and the SQLSTATEs of refused DDL. */
@PgTest
class StreamDdlLifecycleTest {

  static final String QUERY = "SELECT kind, sum(weight) AS weight FROM parcels GROUP BY kind";

  @BeforeAll
  static void schema(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE parcels (id serial PRIMARY KEY, kind text NOT NULL, weight int NOT NULL)",
        "INSERT INTO parcels (kind, weight) VALUES ('box', 2), ('box', 3), ('tube', 1)");
  }

  static void create(Connection c, String name) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream, pgtrickle.refresh_mode = 'full') AS " + QUERY);
    }
  }

  @Test
  void refreshIsRoutedForStreamTables(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      create(c, "refreshed");
      st.executeUpdate("INSERT INTO parcels (kind, weight) VALUES ('crate', 9)");
      assertEquals(0, st.executeUpdate("/* nightly */ REFRESH MATERIALIZED VIEW refreshed"));
      MultisetOracle.assertSameRows(c, "SELECT kind, weight FROM refreshed", QUERY);
      try (PreparedStatement ps = c.prepareStatement("REFRESH MATERIALIZED VIEW public.refreshed")) {
        st.executeUpdate("INSERT INTO parcels (kind, weight) VALUES ('crate', 1)");
        assertEquals(0, ps.executeUpdate());
      }
      MultisetOracle.assertSameRows(c, "SELECT kind, weight FROM refreshed", QUERY);
    }
  }

  @Test
  void alterSetsOptionsAndRefusesOtherForms(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      create(c, "altered");
      assertEquals(0, st.executeUpdate("ALTER MATERIALIZED VIEW altered SET (pgtrickle.schedule = '5m')"));
      assertNotNull(Connections.scalar(db, "SELECT schedule FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'altered'"));
      assertEquals(0, st.executeUpdate("ALTER MATERIALIZED VIEW altered RESET (pgtrickle.schedule)"));
      assertNull(Connections.scalar(db, "SELECT schedule FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'altered'"));
      st.executeUpdate("ALTER MATERIALIZED VIEW altered SET (fillfactor = 70)");
      assertEquals("{fillfactor=70}", Connections.scalar(db, "SELECT reloptions FROM pg_class WHERE relname = 'altered'"));
      SQLException rename =
          assertThrows(SQLException.class, () -> st.execute("ALTER MATERIALIZED VIEW altered RENAME TO renamed"));
      assertEquals("0A000", rename.getSQLState());
      assertTrue(rename.getMessage().contains("RENAME"), rename.getMessage());
      SQLException owner =
          assertThrows(SQLException.class, () -> st.execute("ALTER MATERIALIZED VIEW altered OWNER TO CURRENT_USER"));
      assertEquals("0A000", owner.getSQLState());
      SQLException badValue =
          assertThrows(SQLException.class, () -> st.execute("ALTER MATERIALIZED VIEW altered SET (pgtrickle.refresh_mode = 'sometimes')"));
      assertEquals("22023", badValue.getSQLState());
    }
  }

  @Test
  void dropRoutesMixedListsToTheEngine(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      create(c, "dropped_stream");
      st.execute("CREATE MATERIALIZED VIEW dropped_plain AS SELECT 1");
      assertEquals(0, st.executeUpdate("DROP MATERIALIZED VIEW dropped_stream, dropped_plain"));
      assertFalse(Connections.relationExists(db, "dropped_stream"));
      assertFalse(Connections.relationExists(db, "dropped_plain"));
      assertFalse(Connections.isStreamTable(db, "dropped_stream"));
    }
  }

  @Test
  void engineWarningsReachGetWarnings(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      create(c, "warned");
      st.execute("CREATE MATERIALIZED VIEW IF NOT EXISTS warned WITH (pgtrickle.stream) AS " + QUERY);
      SQLWarning warning = st.getWarnings();
      assertNotNull(warning);
      assertTrue(warning.getMessage().contains("warned"), warning.getMessage());
      st.clearWarnings();
      assertNull(st.getWarnings());
    }
  }

  @Test
  void refusedOptionsAre22023(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      SQLException withoutStream =
          assertThrows(SQLException.class, () -> st.execute("CREATE MATERIALIZED VIEW r1 WITH (pgtrickle.schedule = '1m') AS SELECT 1"));
      assertEquals("22023", withoutStream.getSQLState());
      assertTrue(withoutStream.getMessage().contains("pgtrickle.schedule"));
      SQLException streamFalse =
          assertThrows(
              SQLException.class,
              () -> st.execute("CREATE MATERIALIZED VIEW r2 WITH (pgtrickle.stream = false, pgtrickle.refresh_mode = 'full') AS SELECT 1"));
      assertEquals("22023", streamFalse.getSQLState());
      assertTrue(streamFalse.getMessage().contains("pgtrickle.refresh_mode"));
      SQLException unknown =
          assertThrows(SQLException.class, () -> st.execute("CREATE MATERIALIZED VIEW r3 WITH (pgtrickle.stream, pgtrickle.bogus = 1) AS SELECT 1"));
      assertEquals("22023", unknown.getSQLState());
      assertTrue(unknown.getMessage().contains("bogus"), unknown.getMessage());
      SQLException tablespace =
          assertThrows(SQLException.class, () -> st.execute("CREATE MATERIALIZED VIEW r4 WITH (pgtrickle.stream) TABLESPACE pg_default AS SELECT 1"));
      assertEquals("0A000", tablespace.getSQLState());
      for (String name : new String[] {"r1", "r2", "r3", "r4"}) {
        assertFalse(Connections.relationExists(db, name), name);
      }
    }
  }

  @Test
  void failedStreamDdlLeavesTheApplicationsTransactionUsable(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.executeUpdate("INSERT INTO parcels (kind, weight) VALUES ('sack', 4)");
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> st.execute("CREATE MATERIALIZED VIEW failing WITH (pgtrickle.stream) AS SELECT * FROM no_such_table"));
      assertEquals("42P01", e.getSQLState());
      st.executeUpdate("INSERT INTO parcels (kind, weight) VALUES ('sack', 6)");
      c.commit();
      c.setAutoCommit(true);
      assertEquals("10", Connections.scalar(db, "SELECT sum(weight) FROM parcels WHERE kind = 'sack'"));
      assertFalse(Connections.relationExists(db, "failing"));
    }
  }

  @Test
  void abortedTransactionLetsPostgreSQLAnswer(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      create(c, "aborted_tx");
      c.setAutoCommit(false);
      assertThrows(SQLException.class, () -> st.execute("SELECT 1/0"));
      SQLException e = assertThrows(SQLException.class, () -> st.execute("REFRESH MATERIALIZED VIEW aborted_tx"));
      assertEquals("25P02", e.getSQLState());
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @Test
  void streamTablesCanBeRecreatedAfterDropInOneScript(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      create(c, "recreated");
      st.execute(
          "DROP MATERIALIZED VIEW recreated; CREATE MATERIALIZED VIEW recreated AS SELECT 1 AS one;"
              + " REFRESH MATERIALIZED VIEW recreated");
      assertTrue(Connections.isMaterializedView(db, "recreated"), "now a plain materialized view");
      assertFalse(Connections.isStreamTable(db, "recreated"));
    }
  }
}
