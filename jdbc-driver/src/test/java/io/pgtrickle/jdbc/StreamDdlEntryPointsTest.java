package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stream-table CREATE through every JDBC entry point: each one must reach the engine (the table is in
 * pgtrickle's catalog and holds the query's rows), report PostgreSQL's update count ("SELECT n": the
 * row count) and leave ordinary statements alone.
 */
@PgTest
class StreamDdlEntryPointsTest {

  static final String QUERY = "SELECT customer, sum(amount) AS total FROM orders GROUP BY customer";
  static final int CUSTOMERS = 3;

  @BeforeAll
  static void schema(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, amount numeric NOT NULL)",
        "INSERT INTO orders VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'ann', 5), (4, 'cy', 1)");
  }

  static String create(String name) {
    return "CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true) AS " + QUERY;
  }

  static void assertStreamTable(TestDatabase db, Connection c, String name) throws SQLException {
    assertTrue(Connections.isStreamTable(db, name), name + " is in pgtrickle.pgt_stream_tables");
    assertFalse(Connections.isMaterializedView(db, name), name + " is no plain materialized view");
    MultisetOracle.assertSameRows(c, "SELECT customer, total FROM " + name, QUERY);
  }

  @Test
  void execute(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertFalse(st.execute(create("via_execute")));
      assertEquals(CUSTOMERS, st.getUpdateCount());
      assertNull(st.getResultSet());
      assertFalse(st.getMoreResults());
      assertEquals(-1, st.getUpdateCount());
      assertStreamTable(db, c, "via_execute");
    }
  }

  @Test
  void executeWithGeneratedKeysOverloads(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertFalse(st.execute(create("via_execute_keys"), Statement.RETURN_GENERATED_KEYS));
      assertFalse(st.execute(create("via_execute_indexes"), new int[] {1}));
      assertFalse(st.execute(create("via_execute_names"), new String[] {"customer"}));
      assertFalse(st.getGeneratedKeys().next());
      assertStreamTable(db, c, "via_execute_keys");
      assertStreamTable(db, c, "via_execute_indexes");
      assertStreamTable(db, c, "via_execute_names");
    }
  }

  @Test
  void executeUpdateWithLeadingComments(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      String flywayStyle = "-- V2__stream.sql: a stream table\n/* totals /* nested */ per customer */\n"
          + create("via_execute_update");
      assertEquals(CUSTOMERS, st.executeUpdate(flywayStyle));
      assertStreamTable(db, c, "via_execute_update");
      assertEquals(
          flywayStyle.strip(),
          Connections.scalar(db, "SELECT original_sql FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'via_execute_update'"));
      assertEquals(CUSTOMERS, st.executeUpdate(create("via_execute_update_keys"), Statement.NO_GENERATED_KEYS));
      assertEquals(CUSTOMERS, st.executeUpdate(create("via_execute_update_idx"), new int[] {1}));
      assertEquals(CUSTOMERS, st.executeUpdate(create("via_execute_update_names"), new String[] {"total"}));
    }
  }

  @Test
  void executeLargeUpdate(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertEquals(CUSTOMERS, st.executeLargeUpdate(create("via_large_update")));
      assertEquals(CUSTOMERS, st.getLargeUpdateCount());
      assertEquals(CUSTOMERS, st.executeLargeUpdate(create("via_large_update_keys"), Statement.RETURN_GENERATED_KEYS));
      assertEquals(CUSTOMERS, st.executeLargeUpdate(create("via_large_update_idx"), new int[] {1}));
      assertEquals(CUSTOMERS, st.executeLargeUpdate(create("via_large_update_names"), new String[] {"total"}));
      assertStreamTable(db, c, "via_large_update");
    }
  }

  @Test
  void executeQueryRunsTheDdlThenFailsLikePgJdbc(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(create("via_execute_query")));
      assertEquals("02000", e.getSQLState());
      assertEquals("No results were returned by the query.", e.getMessage());
      assertStreamTable(db, c, "via_execute_query");
    }
  }

  @Test
  void batch(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.addBatch("CREATE TABLE batch_marker (x int)");
      st.addBatch("/* stream */ " + create("via_batch"));
      st.addBatch("INSERT INTO batch_marker VALUES (1), (2)");
      st.addBatch("REFRESH MATERIALIZED VIEW via_batch");
      assertArrayEquals(new int[] {0, CUSTOMERS, 2, 0}, st.executeBatch());
      assertStreamTable(db, c, "via_batch");
      st.addBatch(create("via_large_batch"));
      assertArrayEquals(new long[] {CUSTOMERS}, st.executeLargeBatch());
      assertStreamTable(db, c, "via_large_batch");
      assertArrayEquals(new int[0], st.executeBatch(), "the batch was cleared");
    }
  }

  @Test
  void prepareStatementAsHibernateDoes(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      try (PreparedStatement ps = c.prepareStatement(create("via_prepare"))) {
        assertEquals(CUSTOMERS, ps.executeUpdate());
      }
      assertStreamTable(db, c, "via_prepare");
      try (PreparedStatement ps = c.prepareStatement(create("via_prepare_execute"), Statement.RETURN_GENERATED_KEYS)) {
        assertFalse(ps.execute());
        assertEquals(CUSTOMERS, ps.getUpdateCount());
      }
      try (PreparedStatement ps = c.prepareStatement(create("via_prepare_large"))) {
        assertEquals(CUSTOMERS, ps.executeLargeUpdate());
      }
      SQLException byIndex =
          assertThrows(SQLException.class, () -> c.prepareStatement(create("via_prepare_idx"), new int[] {1}));
      assertEquals("0A000", byIndex.getSQLState(), "PgJDBC refuses column indexes for any statement");
      try (PreparedStatement ps = c.prepareStatement(create("via_prepare_names"), new String[] {"total"})) {
        assertEquals(CUSTOMERS, ps.executeUpdate());
      }
      try (PreparedStatement ps =
          c.prepareStatement(create("via_prepare_types"), java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY)) {
        assertEquals(CUSTOMERS, ps.executeUpdate());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              create("via_prepare_hold"),
              java.sql.ResultSet.TYPE_FORWARD_ONLY,
              java.sql.ResultSet.CONCUR_READ_ONLY,
              java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
        SQLException e = assertThrows(SQLException.class, ps::executeQuery);
        assertEquals("02000", e.getSQLState());
      }
      assertStreamTable(db, c, "via_prepare_execute");
      assertStreamTable(db, c, "via_prepare_large");
      assertStreamTable(db, c, "via_prepare_names");
      assertStreamTable(db, c, "via_prepare_types");
      assertStreamTable(db, c, "via_prepare_hold");
    }
  }

  @Test
  void prepareCall(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      try (CallableStatement cs = c.prepareCall(create("via_call"))) {
        assertEquals(CUSTOMERS, cs.executeUpdate());
      }
      try (CallableStatement cs =
          c.prepareCall(create("via_call_types"), java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY)) {
        assertFalse(cs.execute());
      }
      assertStreamTable(db, c, "via_call");
      assertStreamTable(db, c, "via_call_types");
    }
  }

  @Test
  void parametersMakeNoSenseForDdl(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "CREATE MATERIALIZED VIEW with_param WITH (pgtrickle.stream) AS SELECT * FROM orders WHERE amount > ?")) {
        ps.setInt(1, 5);
        SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
        assertEquals("07001", e.getSQLState());
      }
      try (PreparedStatement ps = c.prepareStatement(create("no_params"))) {
        SQLException e = assertThrows(SQLException.class, () -> ps.setInt(1, 5));
        assertEquals("22023", e.getSQLState(), "PgJDBC's own column-index check");
        SQLException batch = assertThrows(SQLException.class, ps::addBatch);
        assertEquals("0A000", batch.getSQLState());
      }
      assertFalse(Connections.relationExists(db, "with_param"));
      assertFalse(Connections.relationExists(db, "no_params"));
    }
  }

  @Test
  void invalidStreamDdlFailsAtPrepareTime(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> c.prepareStatement("CREATE MATERIALIZED VIEW bad_prepare WITH (pgtrickle.refresh_mode = 'full') AS SELECT 1"));
      assertEquals("22023", e.getSQLState());
      SQLException call =
          assertThrows(
              SQLException.class,
              () -> c.prepareCall("CREATE MATERIALIZED VIEW bad_call USING heap WITH (pgtrickle.stream) AS SELECT 1"));
      assertEquals("0A000", call.getSQLState());
    }
  }

  @Test
  void closedStatementsRunNothing(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      Statement st = c.createStatement();
      st.close();
      SQLException e = assertThrows(SQLException.class, () -> st.execute(create("after_close")));
      assertEquals("55000", e.getSQLState());
      PreparedStatement ps = c.prepareStatement(create("after_close_prepared"));
      ps.close();
      assertThrows(SQLException.class, ps::executeUpdate);
      assertFalse(Connections.relationExists(db, "after_close"));
      assertFalse(Connections.relationExists(db, "after_close_prepared"));
    }
  }

  @Test
  void theStatementsConnectionIsTheWrapper(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        PreparedStatement ps = c.prepareStatement(create("back_reference"))) {
      ps.executeUpdate();
      assertTrue(ps.getConnection() == c);
    }
  }
}
