package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code pgtrickle.post_refresh_action}: a refresh marks the action pending in its own transaction,
 * the runner runs it afterwards in auto-commit mode, and the catalog keeps drift, time and error.
 * Covers the built-ins (analyze, reindex, reindex_if_drift) and a plugin found by ServiceLoader.
 */
@PgTest
class PostRefreshActionTest {

  @BeforeEach
  void reset() {
    RecordingTestAction.CALLS.clear();
    RecordingTestAction.failing = false;
  }

  @Test
  void unknownActionsAreRefusedNamingTheRegisteredOnes(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_bad (id int)");
      SQLException e = Jdbc.fails("22023", () -> Ddl.run(c, Ddl.create("pra_bad_st",
          "SELECT id FROM pra_bad", Ddl.opt("post_refresh_action", "vacuum_please"))));
      assertTrue(e.getMessage().contains("reindex_if_drift") && e.getMessage().contains("test_recording"),
          e.getMessage());
      assertNull(Jdbc.scalar(c, "SELECT to_regclass('pra_bad_st')"));
    }
  }

  @Test
  void analyzeRunsAfterTheRefreshCommits(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_a (id int PRIMARY KEY, g int)",
          "INSERT INTO pra_a SELECT i, i % 7 FROM generate_series(1, 500) i");
      Ddl.run(c, Ddl.create("pra_a_st", "SELECT g, count(*) AS n FROM pra_a GROUP BY g",
          Ddl.opt("post_refresh_action", "analyze")));
      assertEquals(-1L, reltuples(c, "pra_a_st"), "never analyzed yet");

      Jdbc.exec(c, "INSERT INTO pra_a SELECT i, i % 11 FROM generate_series(501, 600) i");
      DdlOutcome outcome = Ddl.run(c, Ddl.refresh("pra_a_st"));
      assertEquals(List.of(relid(c, "pra_a_st")), outcome.pendingActions());
      assertEquals(Boolean.TRUE, Jdbc.scalar(c, pending("pra_a_st")));

      assertEquals(1, Ddl.ENGINE.runPostRefreshActions(c, outcome.pendingActions()));
      assertEquals(11L, reltuples(c, "pra_a_st"), "ANALYZE counted the 11 groups");
      assertEquals(Boolean.FALSE, Jdbc.scalar(c, pending("pra_a_st")));
      assertTrue(c.getAutoCommit(), "the caller's auto-commit mode is restored");
      assertEquals(0, Ddl.ENGINE.runPostRefreshActions(c, outcome.pendingActions()), "runs once");
    }
  }

  @Test
  void aRolledBackRefreshLeavesNothingPending(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_r (id int)", "INSERT INTO pra_r VALUES (1)");
      Ddl.run(c, Ddl.create("pra_r_st", "SELECT id FROM pra_r",
          Ddl.opt("post_refresh_action", "test_recording")));
      c.setAutoCommit(false);
      Jdbc.exec(c, "INSERT INTO pra_r VALUES (2)");
      DdlOutcome outcome = Ddl.run(c, Ddl.refresh("pra_r_st"));
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(0, Ddl.ENGINE.runPostRefreshActions(c, outcome.pendingActions()));
      assertTrue(RecordingTestAction.CALLS.isEmpty());
    }
  }

  @Test
  void reindexRebuildsTheIndexesAndResetsTheDrift(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_x (id int PRIMARY KEY, v int)",
          "INSERT INTO pra_x SELECT i, i FROM generate_series(1, 200) i");
      Ddl.run(c, Ddl.create("pra_x_st", "SELECT id, v FROM pra_x WHERE v % 2 = 0",
          Ddl.opt("post_refresh_action", "reindex"), Ddl.opt("refresh_mode", "differential")));
      Jdbc.exec(c, "CREATE INDEX pra_x_st_v ON pra_x_st (v)");
      long before = relfilenode(c, "pra_x_st_v");
      Jdbc.exec(c, "UPDATE pra_x SET v = v + 1 WHERE id <= 20");
      DdlOutcome outcome = Ddl.run(c, Ddl.refresh("pra_x_st"));
      assertEquals(20L, Jdbc.scalar(c, drift("pra_x_st")), "10 rows left, 10 came in");
      Ddl.ENGINE.runPostRefreshActions(c, outcome.pendingActions());
      assertNotEquals(before, relfilenode(c, "pra_x_st_v"), "the index was rebuilt");
      assertEquals(0L, Jdbc.scalar(c, drift("pra_x_st")));
      assertNull(Jdbc.scalar(c, error("pra_x_st")));
    }
  }

  @Test
  void reindexIfDriftWaitsForTheThreshold(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_d (id int PRIMARY KEY, v int)",
          "INSERT INTO pra_d SELECT i, i FROM generate_series(1, 100) i");
      Ddl.run(c, Ddl.create("pra_d_st", "SELECT id, v FROM pra_d",
          Ddl.opt("post_refresh_action", "reindex_if_drift"), Ddl.opt("reindex_drift_threshold", "0.3"),
          Ddl.opt("refresh_mode", "differential")));
      Jdbc.exec(c, "ANALYZE pra_d_st");
      long before = relfilenode(c, "pra_d_st_pkey_or_index");
      Jdbc.exec(c, "UPDATE pra_d SET v = -v WHERE id <= 10"); // at most 20 changed rows of 100: < 0.3
      Ddl.ENGINE.runPostRefreshActions(c, Ddl.run(c, Ddl.refresh("pra_d_st")).pendingActions());
      assertEquals(before, relfilenode(c, "pra_d_st_pkey_or_index"), "below the threshold");
      assertEquals(Jdbc.scalar(c, lastChangedRows("pra_d_st")), Jdbc.scalar(c, drift("pra_d_st")));

      Jdbc.exec(c, "UPDATE pra_d SET v = -v WHERE id > 80"); // 20 more updates: at least 30 of 100
      Ddl.ENGINE.runPostRefreshActions(c, Ddl.run(c, Ddl.refresh("pra_d_st")).pendingActions());
      assertNotEquals(before, relfilenode(c, "pra_d_st_pkey_or_index"), "past the threshold");
      assertEquals(0L, Jdbc.scalar(c, drift("pra_d_st")));
    }
  }

  @Test
  void aPluginActionRunsAndItsFailureIsRecorded(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_p (id int)", "INSERT INTO pra_p VALUES (1), (2)");
      Ddl.run(c, Ddl.create("pra_p_st", "SELECT id FROM pra_p",
          Ddl.opt("post_refresh_action", "test_recording")));
      Jdbc.exec(c, "INSERT INTO pra_p VALUES (3)");
      Ddl.ENGINE.runPostRefreshActions(c, Ddl.run(c, Ddl.refresh("pra_p_st")).pendingActions());
      assertEquals(1, RecordingTestAction.CALLS.size());
      assertEquals("public.pra_p_st", RecordingTestAction.CALLS.get(0).qualifiedSql());
      assertNull(Jdbc.scalar(c, error("pra_p_st")));

      RecordingTestAction.failing = true;
      Ddl.ENGINE.runPostRefreshActions(c, Ddl.run(c, Ddl.refresh("pra_p_st")).pendingActions());
      assertEquals(2, RecordingTestAction.CALLS.size());
      String recorded = (String) Jdbc.scalar(c, error("pra_p_st"));
      assertTrue(recorded.startsWith("57014: the test action was told to fail"), recorded);
      assertEquals(Boolean.FALSE, Jdbc.scalar(c, pending("pra_p_st")), "a failure is not retried forever");
      assertFalse(Jdbc.count(c, "SELECT count(*) FROM pra_p_st") != 3, "the stream table is unaffected");
    }
  }

  private static long relid(Connection c, String name) throws SQLException {
    return ((Number) Jdbc.scalar(c, "SELECT '" + name + "'::regclass::oid::bigint")).longValue();
  }

  private static long reltuples(Connection c, String name) throws SQLException {
    return ((Number) Jdbc.scalar(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = '" + name
        + "'::regclass")).longValue();
  }

  private static long relfilenode(Connection c, String index) throws SQLException {
    String sql = index.endsWith("_pkey_or_index")
        ? "SELECT i.relfilenode::bigint FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " WHERE x.indrelid = '" + index.replace("_pkey_or_index", "") + "'::regclass"
            + " ORDER BY i.oid LIMIT 1"
        : "SELECT relfilenode::bigint FROM pg_class WHERE oid = '" + index + "'::regclass";
    return ((Number) Jdbc.scalar(c, sql)).longValue();
  }

  private static String column(String column, String st) {
    return "SELECT " + column + " FROM pgtrickle.pgt_stream_tables WHERE storage_name = '" + st + "'";
  }

  private static String lastChangedRows(String st) {
    return "SELECT (h.rows_inserted + h.rows_deleted)::bigint FROM pgtrickle.pgt_refresh_history h"
        + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + st + "'"
        + " ORDER BY h.history_id DESC LIMIT 1";
  }

  private static String pending(String st) {
    return column("post_action_pending", st);
  }

  private static String drift(String st) {
    return column("rows_changed_since_reindex", st);
  }

  private static String error(String st) {
    return column("post_action_error", st);
  }
}
