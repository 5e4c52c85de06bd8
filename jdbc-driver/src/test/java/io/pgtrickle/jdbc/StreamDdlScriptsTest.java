package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-statement strings and batches that mix ordinary SQL with stream-table DDL. Committed inserts
 * reuse the customers 'ann' and 'bob', so every stream table here has two rows.
 */
@PgTest
class StreamDdlScriptsTest {

  static final String QUERY = "SELECT customer, count(*) AS n FROM visits GROUP BY customer";

  @BeforeAll
  static void schema(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE visits (id serial PRIMARY KEY, customer text NOT NULL)",
        "INSERT INTO visits (customer) VALUES ('ann'), ('bob'), ('ann')");
  }

  static String create(String name) {
    return "CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true) AS " + QUERY;
  }

  @Test
  void mixedScriptKeepsOrderAndResults(TestDatabase db) throws SQLException {
    String script =
        "INSERT INTO visits (customer) VALUES ('ann');\n"
            + "-- the stream table sees the insert above\n"
            + create("mixed_script") + ";\n"
            + "SELECT * FROM mixed_script; SELECT 1 AS one, 2 AS two;\n"
            + "REFRESH MATERIALIZED VIEW mixed_script;\n"
            + "DELETE FROM visits WHERE customer = 'nobody'";
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      boolean first = st.execute(script);
      assertEquals(
          List.of("count:1", "count:2", "rs:2", "rs:1", "count:0", "count:0"),
          PassThroughTest.results(st, first));
      assertTrue(Connections.isStreamTable(db, "mixed_script"));
      MultisetOracle.assertSameRows(c, "SELECT customer, n FROM mixed_script", QUERY);
    }
  }

  @Test
  void keepCurrentResultKeepsEarlierResultSetsOpen(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertTrue(st.execute("SELECT 'x'; " + create("keep_current") + "; SELECT 'y'"));
      var firstResultSet = st.getResultSet();
      assertFalse(st.getMoreResults(Statement.KEEP_CURRENT_RESULT));
      assertEquals(2, st.getUpdateCount());
      assertTrue(st.getMoreResults(Statement.KEEP_CURRENT_RESULT));
      assertTrue(firstResultSet.next(), "KEEP_CURRENT_RESULT left the first result set open");
      assertEquals("x", firstResultSet.getString(1));
      assertTrue(st.getResultSet().next());
      assertEquals("y", st.getResultSet().getString(1));
      assertFalse(st.getMoreResults());
      assertEquals(-1, st.getUpdateCount());
    }
  }

  @Test
  void scriptIsOneTransactionInAutoCommitMode(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> st.execute("CREATE TABLE atomic_marker (x int); " + create("atomic_script") + "; SELECT 1/0"));
      assertEquals("22012", e.getSQLState());
      assertTrue(c.getAutoCommit(), "auto-commit is restored");
      assertFalse(Connections.relationExists(db, "atomic_marker"));
      assertFalse(Connections.relationExists(db, "atomic_script"));
    }
  }

  @Test
  void scriptRunsInTheApplicationsTransaction(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute("SELECT 1; " + create("in_transaction"));
      assertTrue(Connections.scalar(c, "SELECT count(*) FROM in_transaction").equals("2"));
      c.rollback();
      c.setAutoCommit(true);
      assertFalse(Connections.relationExists(db, "in_transaction"));
    }
  }

  @Test
  void executeUpdateReturnsTheFirstCountLikePgJdbc(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      assertEquals(1, st.executeUpdate("INSERT INTO visits (customer) VALUES ('bob'); " + create("update_script")));
      assertTrue(Connections.isStreamTable(db, "update_script"));
      SQLException e =
          assertThrows(SQLException.class, () -> st.executeUpdate("SELECT 1; " + create("update_script_select")));
      assertEquals("0100E", e.getSQLState());
      assertFalse(Connections.relationExists(db, "update_script_select"));
    }
  }

  @Test
  void executeQueryOnAScriptFailsLikePgJdbc(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1; " + create("query_script")));
      assertEquals("0100E", e.getSQLState());
    }
  }

  @Test
  void transactionControlCannotBeMixedWithStreamDdl(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> st.execute("BEGIN; " + create("tx_control") + "; COMMIT"));
      assertEquals("0A000", e.getSQLState());
      assertFalse(Connections.relationExists(db, "tx_control"));
      st.execute("BEGIN; CREATE MATERIALIZED VIEW tx_plain AS SELECT 1; COMMIT");
      assertTrue(Connections.isMaterializedView(db, "tx_plain"));
    }
  }

  @Test
  void trailingCommentIsSentLikePgJdbcWould(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      boolean first = st.execute(create("trailing_comment") + "; -- done");
      assertEquals(List.of("count:2", "count:0"), PassThroughTest.results(st, first));
      assertTrue(Connections.isStreamTable(db, "trailing_comment"));
    }
  }

  @Test
  void semicolonsInsideQuotesAndBodies(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      String script =
          "CREATE FUNCTION semi() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$;\n"
              + "CREATE MATERIALIZED VIEW quoted_semis WITH (pgtrickle.stream) AS\n"
              + "  SELECT customer, 'x;y' AS \"odd;name\", E'it\\'s;' AS esc FROM visits /* ; */ -- ;\n"
              + ";\nSELECT semi()";
      boolean first = st.execute(script);
      assertEquals(3, PassThroughTest.results(st, first).size());
      MultisetOracle.assertSameRows(
          c,
          "SELECT customer, \"odd;name\", esc FROM quoted_semis",
          "SELECT customer, 'x;y', E'it\\'s;' FROM visits");
    }
  }

  @Test
  void backslashQuotesWhenStandardConformingStringsIsOff(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.execute("SET standard_conforming_strings = off");
      st.execute("SET escape_string_warning = off");
      boolean first =
          st.execute(
              "SELECT 'it\\';s'; CREATE MATERIALIZED VIEW non_standard WITH (pgtrickle.stream) AS"
                  + " SELECT DISTINCT customer, 'a\\';b' AS odd FROM visits");
      assertEquals(List.of("rs:1", "count:2"), PassThroughTest.results(st, first));
      assertEquals("a';b", Connections.scalar(c, "SELECT DISTINCT odd FROM non_standard"));
    }
  }

  @Test
  void batchFailureRollsBackAndReportsCounts(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.addBatch("INSERT INTO visits (customer) VALUES ('eve')");
      st.addBatch(create("failed_batch"));
      st.addBatch("INSERT INTO visits (customer) VALUES (NULL)");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, st::executeBatch);
      assertEquals("23502", e.getSQLState());
      assertArrayEquals(new long[] {1, 3}, java.util.Arrays.copyOf(e.getLargeUpdateCounts(), 2));
      assertFalse(Connections.relationExists(db, "failed_batch"));
      assertEquals("0", Connections.scalar(db, "SELECT count(*) FROM visits WHERE customer = 'eve'"));
      assertTrue(c.getAutoCommit());
    }
  }

  @Test
  void batchWithInvalidStreamDdlFailsBeforeRunning(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.addBatch("INSERT INTO visits (customer) VALUES ('fay')");
      st.addBatch("CREATE MATERIALIZED VIEW bad_batch WITH (pgtrickle.refresh_mode = 'full') AS SELECT 1");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, st::executeBatch);
      assertEquals("22023", e.getSQLState());
      assertEquals("0", Connections.scalar(db, "SELECT count(*) FROM visits WHERE customer = 'fay'"));
    }
  }

  @Test
  void preparedScript(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO visits (customer) VALUES ('ann'); " + create("prepared_script"))) {
      assertFalse(ps.execute());
      assertEquals(1, ps.getUpdateCount());
      assertFalse(ps.getMoreResults());
      assertEquals(2, ps.getUpdateCount());
      MultisetOracle.assertSameRows(c, "SELECT customer, n FROM prepared_script", QUERY);
    }
  }
}
