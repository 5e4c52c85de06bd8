package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The folded refresh path (one statement claims the row and reads the differential state; the
 * no-change probe records the refresh in its own statement; frontier, catalog state and history are
 * written together; buffers are pruned only after a window that had rows): the results, the catalog
 * state and the buffers stay what they were.
 */
@PgTest
class RefreshRoundTripsTest {

  private static final String DIFFERENTIAL = "differential";

  @Test
  void pruningWaitsForTheLaggingConsumerAndANoChangeRefreshPrunesNothing(TestDatabase db)
      throws Exception {
    String q1 = "SELECT id, v FROM pr_src WHERE id > 0";
    String q2 = "SELECT v, count(*) AS n FROM pr_src GROUP BY v";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pr_src (id int, v text)",
          "INSERT INTO pr_src VALUES (1, 'a'), (2, 'b'), (2, 'b'), (NULL, NULL)");
      Ddl.run(c, Ddl.create("pr_a", q1, Ddl.opt("refresh_mode", DIFFERENTIAL)));
      Ddl.run(c, Ddl.create("pr_b", q2, Ddl.opt("refresh_mode", DIFFERENTIAL)));
      String buffer = buffer(c, "pr_src");
      Jdbc.exec(c, "INSERT INTO pr_src VALUES (3, 'c'), (2, 'b')", "DELETE FROM pr_src WHERE id = 1",
          "UPDATE pr_src SET v = NULL WHERE id = 3");
      long captured = Jdbc.count(c, "SELECT count(*) FROM " + buffer);
      assertTrue(captured > 0, "the changes are captured");

      Ddl.run(c, Ddl.refresh("pr_a")); // consumes the rows; pr_b has not: nothing may go
      assertEquals(captured, Jdbc.count(c, "SELECT count(*) FROM " + buffer));
      Ddl.run(c, Ddl.refresh("pr_a")); // no change: the probe records it, nothing is pruned
      assertEquals(captured, Jdbc.count(c, "SELECT count(*) FROM " + buffer));
      assertEquals("0", lastHistory(c, "pr_a", "h.delta_rows"));

      Ddl.run(c, Ddl.refresh("pr_b")); // the last consumer: now every row is consumed
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM " + buffer));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM pr_a", q1);
      MultisetOracle.assertSameRows(c, "SELECT v, n FROM pr_b", q2);

      Jdbc.exec(c, "DELETE FROM pr_src WHERE v = 'b'");
      Ddl.run(c, Ddl.refresh("pr_b"));
      Ddl.run(c, Ddl.refresh("pr_a"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM pr_a", q1);
      MultisetOracle.assertSameRows(c, "SELECT v, n FROM pr_b", q2);
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM " + buffer));
    }
  }

  @Test
  void aNoChangeRefreshRecordsTheSameCatalogStateAndHistory(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE nc_src (id int PRIMARY KEY, v int)",
          "INSERT INTO nc_src SELECT i, i FROM generate_series(1, 20) i");
      Ddl.run(c, Ddl.create("nc_st", "SELECT id, v FROM nc_src", Ddl.opt("refresh_mode", DIFFERENTIAL)));
      Jdbc.exec(c, "UPDATE pgtrickle.pgt_stream_tables SET consecutive_failures = 3, status = 'error',"
          + " last_refresh_at = NULL WHERE storage_name = 'nc_st'");
      String before = Jdbc.text(c, "SELECT frontier::text FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = 'nc_st'");
      long history = Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history");
      Jdbc.exec(c, "SELECT txid_current()");
      Ddl.run(c, Ddl.refresh("nc_st"));
      assertEquals(history + 1, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history"));
      assertEquals("active|0|true|true|true", Jdbc.text(c, "SELECT status || '|' || consecutive_failures || '|'"
          + " || is_populated || '|' || (last_refresh_at IS NOT NULL) || '|'"
          + " || (frontier::text <> '" + before + "') FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = 'nc_st'"));
      assertEquals("succeeded|differential|differential|0|0|0", lastHistory(c, "nc_st",
          "h.status || '|' || h.requested_strategy || '|' || h.executed_strategy || '|'"
              + " || h.rows_inserted || '|' || h.rows_deleted || '|' || h.delta_rows"));
      Jdbc.exec(c, "UPDATE nc_src SET v = v + 1 WHERE id <= 5");
      Ddl.run(c, Ddl.refresh("nc_st"));
      assertEquals("succeeded|differential|5|5|10", lastHistory(c, "nc_st",
          "h.status || '|' || h.executed_strategy || '|' || h.rows_inserted || '|' || h.rows_deleted"
              + " || '|' || h.delta_rows"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM nc_st", "SELECT id, v FROM nc_src");
    }
  }

  /**
   * A refresh that waits for another refresh of the same stream table claims the row as the other
   * left it (its frontier): the claim re-fetches the row, its subqueries see the older snapshot, so the
   * state is read again. A bag stream table would show a window applied twice as duplicate rows.
   */
  @Test
  void aRefreshThatWaitedForAnotherStartsFromItsFrontier(TestDatabase db) throws Exception {
    String query = "SELECT v FROM wait_src";
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = db.connect(); Connection first = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE wait_src (v int)", "INSERT INTO wait_src VALUES (1), (2), (2)");
      Ddl.run(c, Ddl.create("wait_st", query, Ddl.opt("refresh_mode", DIFFERENTIAL)));
      Jdbc.exec(c, "INSERT INTO wait_src VALUES (3), (2)");
      first.setAutoCommit(false);
      Ddl.run(first, Ddl.refresh("wait_st")); // holds the catalog row until it commits
      Future<?> second = pool.submit(() -> {
        try (Connection w = db.connect()) {
          Ddl.run(w, Ddl.refresh("wait_st"));
        }
        return null;
      });
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (Jdbc.count(c, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND datname = current_database()") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      first.commit();
      second.get();
      MultisetOracle.assertSameRows(c, "SELECT v FROM wait_st", query);
      assertEquals(3, Jdbc.count(c, "SELECT count(*) FROM wait_st WHERE v = 2"));
      Jdbc.exec(c, "DELETE FROM wait_src WHERE v = 2");
      Ddl.run(c, Ddl.refresh("wait_st"));
      MultisetOracle.assertSameRows(c, "SELECT v FROM wait_st", query);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String buffer(Connection c, String table) throws Exception {
    return "pgtrickle_changes.changes_" + Jdbc.text(c, "SELECT '" + table + "'::regclass::oid::text");
  }

  private static String lastHistory(Connection c, String st, String expression) throws Exception {
    return Jdbc.text(c, "SELECT (" + expression + ")::text FROM pgtrickle.pgt_refresh_history h"
        + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + st + "'"
        + " ORDER BY h.history_id DESC LIMIT 1");
  }
}
