package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * refresh_mode = auto on a differential stream table: a small change applies the delta, a change of
 * most of the source runs FULL with the reason in history (requested auto, executed full), and the
 * result equals the query either way. History rows written by the tests stand in for measured timings,
 * so that the cost model's reading of history is checked without depending on this machine's speed.
 */
@PgTest
class AutoStrategyTest {

  @Test
  void aMassiveChangeRunsFullAndSaysWhy(TestDatabase db) throws Exception {
    String query = "SELECT id, v FROM au_src WHERE v % 2 = 0";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE au_src (id int, v int)",
          "INSERT INTO au_src SELECT i, i FROM generate_series(1, 5000) i", "ANALYZE au_src");
      Ddl.run(c, Ddl.create("au_st", query));
      Jdbc.exec(c, "UPDATE au_src SET v = v + 1 WHERE id <= 10");
      Ddl.run(c, Ddl.refresh("au_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM au_st", query);
      Jdbc.exec(c, "UPDATE au_src SET v = v + 1 WHERE id <= 3000");
      Ddl.run(c, Ddl.refresh("au_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM au_st", query);
      List<List<String>> history = Jdbc.rows(c, "SELECT requested_strategy, executed_strategy, note"
          + " FROM pgtrickle.pgt_refresh_history h JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
          + " WHERE s.storage_name = 'au_st' AND h.initiator = 'refresh' ORDER BY history_id");
      assertEquals(List.of("auto", "differential"), history.get(0).subList(0, 2));
      assertEquals(List.of("auto", "full"), history.get(1).subList(0, 2));
      assertTrue(history.get(1).get(2).startsWith("auto: 6000 pending changes are "), history.toString());
    }
  }

  private static final String GROUPED = "SELECT v % 10 AS g, count(*) AS n, sum(v) AS s FROM au_agg GROUP BY v % 10";

  /** au_agg (100,000 rows) and au_agg_st in a schema of their own, first on the search path. */
  private static void createGrouped(Connection c, String schema) throws Exception {
    Jdbc.exec(c, "CREATE SCHEMA " + schema, "SET search_path = " + schema + ", public",
        "CREATE TABLE au_agg (id int PRIMARY KEY, v int)",
        "INSERT INTO au_agg SELECT i, i FROM generate_series(1, 100000) i", "ANALYZE au_agg");
    Ddl.run(c, Ddl.create("au_agg_st", GROUPED));
  }

  /** A fake history row of au_agg_st: strategy, source changes and duration. */
  private static void history(Connection c, String strategy, Long changes, double millis) throws Exception {
    Jdbc.exec(c, "INSERT INTO pgtrickle.pgt_refresh_history (pgt_id, initiator, requested_strategy,"
        + " executed_strategy, rows_inserted, rows_deleted, started_at, finished_at, duration_ms, status,"
        + " source_changes) SELECT pgt_id, 'refresh', 'auto', '" + strategy + "', 0, 0, now(), now(), "
        + millis + ", 'succeeded', " + changes + " FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'au_agg_st' AND storage_schema = current_schema()");
  }

  private static List<String> lastRefresh(Connection c) throws Exception {
    return Jdbc.rows(c, "SELECT executed_strategy, source_changes::text, coalesce(note, '')"
        + " FROM pgtrickle.pgt_refresh_history h JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
        + " WHERE s.storage_name = 'au_agg_st' AND s.storage_schema = current_schema() ORDER BY history_id DESC LIMIT 1").get(0);
  }

  @Test
  void historyCountsSourceChangesAndAMeasuredSlowDifferentialGoesFull(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      createGrouped(c, "au_measured");
      Jdbc.exec(c, "UPDATE au_agg SET v = v + 1 WHERE id <= 1500");
      Ddl.run(c, Ddl.refresh("au_agg_st"));
      // 1500 changed rows are 3000 change rows (old and new image) but at most 20 result rows
      assertEquals(List.of("differential", "3000", ""), lastRefresh(c));
      MultisetOracle.assertSameRows(c, "SELECT g, n, s FROM au_agg_st", GROUPED);
      // differential measured slow at that size, FULL fast and recent: FULL, saying why
      history(c, "differential", 3000L, 90_000);
      history(c, "full", null, 1);
      Jdbc.exec(c, "UPDATE au_agg SET v = v + 1 WHERE id <= 1500");
      Ddl.run(c, Ddl.refresh("au_agg_st"));
      List<String> full = lastRefresh(c);
      assertEquals(List.of("full", "3000"), full.subList(0, 2));
      assertTrue(full.get(2).startsWith("auto: differential predicted at "), full.toString());
      MultisetOracle.assertSameRows(c, "SELECT g, n, s FROM au_agg_st", GROUPED);
      // a size four times any measured one is measured, not extrapolated from the slow sample
      Jdbc.exec(c, "UPDATE au_agg SET v = v + 1 WHERE id <= 6000");
      Ddl.run(c, Ddl.refresh("au_agg_st"));
      assertEquals(List.of("differential", "12000", ""), lastRefresh(c));
      MultisetOracle.assertSameRows(c, "SELECT g, n, s FROM au_agg_st", GROUPED);
    }
  }

  @Test
  void eightFullsInARowRemeasureDifferential(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      createGrouped(c, "au_remeasure");
      history(c, "differential", 3000L, 90_000);
      for (int i = 0; i < 8; i++) {
        history(c, "full", null, 1);
      }
      Jdbc.exec(c, "UPDATE au_agg SET v = v + 1 WHERE id <= 1500");
      Ddl.run(c, Ddl.refresh("au_agg_st"));
      assertEquals(List.of("differential", "3000", ""), lastRefresh(c));
      MultisetOracle.assertSameRows(c, "SELECT g, n, s FROM au_agg_st", GROUPED);
    }
  }
}
