package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import org.junit.jupiter.api.Test;

/** Mode resolution, refusals, AUTO fallback warnings, capture lifecycle and explain. */
@PgTest
class DifferentialModeTest {

  private static final String CAPTURE_TRIGGERS =
      "SELECT count(*) FROM pg_trigger WHERE tgrelid = '%s'::regclass AND tgname LIKE '__pgt_cdc_%%'";

  private static void table(Connection c, String name) throws SQLException {
    Jdbc.exec(c, "CREATE TABLE " + name + " (id int PRIMARY KEY, k int, v text)",
        "INSERT INTO " + name + " SELECT i, i % 5, 'v' || i FROM generate_series(1, 20) i");
  }

  private static void assertNothingLeft(Connection c, String st, String source) throws SQLException {
    assertNull(Jdbc.scalar(c, "SELECT to_regclass('" + st + "')"));
    assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables WHERE storage_name = '"
        + st + "'"));
    assertEquals(0, Jdbc.count(c, String.format(CAPTURE_TRIGGERS, source)));
  }

  @Test
  void differentialRefusesUnsupportedConstructsNamingThem(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      table(c, "ref_src");
      SQLException window = Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.create("ref_w",
          "SELECT id, row_number() OVER (ORDER BY id) AS rn FROM ref_src",
          Ddl.opt("refresh_mode", "differential"))));
      assertTrue(window.getMessage().contains(
          "refresh_mode 'differential' cannot maintain this query: window function row_number()"),
          window.getMessage());
      assertTrue(window.getMessage().contains("row_number"), window.getMessage());
      assertNothingLeft(c, "ref_w", "ref_src");

      SQLException volatileCall = Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.create("ref_r",
          "SELECT id, random() AS r FROM ref_src", Ddl.opt("refresh_mode", "differential"))));
      assertTrue(volatileCall.getMessage().contains("random"), volatileCall.getMessage());
      assertNothingLeft(c, "ref_r", "ref_src");

      Jdbc.exec(c, "CREATE VIEW ref_view AS SELECT id, v FROM ref_src");
      SQLException view = Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.create("ref_v",
          "SELECT id, v FROM ref_view", Ddl.opt("refresh_mode", "differential"))));
      assertTrue(view.getMessage().contains("ref_view is a view"), view.getMessage());
      assertNothingLeft(c, "ref_v", "ref_src");

      Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.create("ref_i", "SELECT id, random() AS r FROM ref_src",
          Ddl.opt("refresh_mode", "immediate"))));
      assertNothingLeft(c, "ref_i", "ref_src");
      Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.create("ref_wal", "SELECT id FROM ref_src",
          Ddl.opt("refresh_mode", "differential"), Ddl.opt("cdc_mode", "wal"))));
      assertNothingLeft(c, "ref_wal", "ref_src");
    }
  }

  @Test
  void autoFallsBackToFullWithAWarningNamingTheReason(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      table(c, "auto_src");
      DdlOutcome outcome = Ddl.run(c, Ddl.create("auto_w",
          "SELECT id, rank() OVER (ORDER BY k) AS rk FROM auto_src"));
      assertEquals(1, outcome.warnings().size());
      SQLWarning warning = outcome.warnings().get(0);
      assertEquals("01000", warning.getSQLState());
      assertTrue(warning.getMessage().contains("rank"), warning.getMessage());
      assertEquals(java.util.List.of(java.util.List.of("auto", "full", "t")), Jdbc.rows(c,
          "SELECT requested_mode, effective_mode, fallback_reason LIKE '%rank%' FROM pgtrickle.pgt_status"
              + " WHERE table_name = 'auto_w'"));
      String explain = Jdbc.text(c, "SELECT pgtrickle.explain('auto_w')");
      assertTrue(explain.contains("effective mode: full"), explain);
      assertTrue(explain.contains("full because: "), explain);
      assertEquals(0, Jdbc.count(c, String.format(CAPTURE_TRIGGERS, "auto_src")));

      DdlOutcome vol = Ddl.run(c, Ddl.create("auto_clock",
          "SELECT id, clock_timestamp() AS t FROM auto_src"));
      assertEquals(1, vol.warnings().size());
      assertTrue(vol.warnings().get(0).getMessage().contains("clock_timestamp"),
          vol.warnings().get(0).getMessage());
      Ddl.run(c, Ddl.refresh("auto_w"));
      assertEquals("full", RandomizedDifferentialTest.lastStrategy(c, "auto_w"));
    }
  }

  @Test
  void autoIsDifferentialWhenPossibleAndExplainShowsTheDeltaQuery(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      table(c, "ex_src");
      DdlOutcome outcome = Ddl.run(c, Ddl.create("ex_st", "SELECT id, v FROM ex_src WHERE k = 1"));
      assertEquals(0, outcome.warnings().size(), () -> outcome.warnings().toString());
      assertEquals(4, outcome.updateCount());
      String explain = Jdbc.text(c, "SELECT pgtrickle.explain('ex_st')");
      assertTrue(explain.contains("effective mode: differential"), explain);
      assertTrue(explain.contains("delta query:"), explain);
      assertTrue(explain.contains("__pgt_window"), explain);
      assertTrue(explain.contains("operator tree:"), explain);
      assertTrue(explain.contains("ex_src (trigger: id, k, v)"), explain);
      assertNull(Jdbc.scalar(c, "SELECT fallback_reason FROM pgtrickle.pgt_status WHERE table_name = 'ex_st'"));
      Jdbc.exec(c, "UPDATE ex_src SET k = 1 WHERE id = 2", "DELETE FROM ex_src WHERE id = 1");
      Ddl.run(c, Ddl.refresh("ex_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM ex_st", "SELECT id, v FROM ex_src WHERE k = 1");
      assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "ex_st"));
      assertEquals(2L, ((Number) Jdbc.scalar(c, "SELECT h.delta_rows FROM pgtrickle.pgt_refresh_history h"
          + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'ex_st'"
          + " ORDER BY h.history_id DESC LIMIT 1")).longValue());
    }
  }

  @Test
  void alterSwitchesModesAndCaptureFollowsItsConsumers(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      table(c, "sw_src");
      String q = "SELECT id, k FROM sw_src WHERE k < 3";
      Ddl.run(c, Ddl.create("sw_a", q, Ddl.opt("refresh_mode", "full")));
      assertEquals(0, Jdbc.count(c, String.format(CAPTURE_TRIGGERS, "sw_src")));
      Ddl.run(c, Ddl.alterSet("sw_a", Ddl.opt("refresh_mode", "differential")));
      assertTrue(Jdbc.count(c, String.format(CAPTURE_TRIGGERS, "sw_src")) > 0);
      Jdbc.exec(c, "INSERT INTO sw_src VALUES (100, 1, 'x')", "UPDATE sw_src SET k = 0 WHERE id = 3");
      Ddl.run(c, Ddl.refresh("sw_a")); // first frontier: full
      MultisetOracle.assertSameRows(c, "SELECT id, k FROM sw_a", q);
      Jdbc.exec(c, "INSERT INTO sw_src VALUES (101, 2, 'y')", "DELETE FROM sw_src WHERE id = 1");
      Ddl.run(c, Ddl.refresh("sw_a"));
      MultisetOracle.assertSameRows(c, "SELECT id, k FROM sw_a", q);
      assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "sw_a"));

      Ddl.run(c, Ddl.create("sw_b", "SELECT id, v FROM sw_src", Ddl.opt("refresh_mode", "differential")));
      Ddl.run(c, Ddl.alterSet("sw_a", Ddl.opt("refresh_mode", "full")));
      assertTrue(Jdbc.count(c, String.format(CAPTURE_TRIGGERS, "sw_src")) > 0, "sw_b still needs it");
      Jdbc.exec(c, "UPDATE sw_src SET v = 'changed' WHERE id = 4");
      Ddl.run(c, Ddl.refresh("sw_b"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM sw_b", "SELECT id, v FROM sw_src");
      Ddl.run(c, Ddl.drop(false, "sw_b"));
      assertEquals(0, Jdbc.count(c, String.format(CAPTURE_TRIGGERS, "sw_src")));
      assertNull(Jdbc.scalar(c, "SELECT to_regclass('pgtrickle_changes.changes_' || 'sw_src'::regclass::oid)"));
    }
  }

  @Test
  void truncateOfASourceRefreshesThatWindowFull(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      table(c, "tr_src");
      String q = "SELECT id, v FROM tr_src";
      Ddl.run(c, Ddl.create("tr_st", q, Ddl.opt("refresh_mode", "differential")));
      Jdbc.exec(c, "TRUNCATE tr_src", "INSERT INTO tr_src VALUES (1, 1, 'again')");
      Ddl.run(c, Ddl.refresh("tr_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM tr_st", q);
      assertEquals(java.util.List.of(java.util.List.of("full", "a source was truncated in the change window")),
          Jdbc.rows(c, "SELECT h.executed_strategy, h.note FROM pgtrickle.pgt_refresh_history h"
              + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'tr_st'"
              + " ORDER BY h.history_id DESC LIMIT 1"));
      Jdbc.exec(c, "INSERT INTO tr_src VALUES (2, 1, 'two')");
      Ddl.run(c, Ddl.refresh("tr_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM tr_st", q);
      assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "tr_st"));
    }
  }

  @Test
  void changesOfTheRefreshingTransactionItselfAreCountedOnce(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      table(c, "own_src");
      String q = "SELECT id, v FROM own_src";
      Ddl.run(c, Ddl.create("own_st", q, Ddl.opt("refresh_mode", "differential")));
      c.setAutoCommit(false);
      Ddl.run(c, Ddl.refresh("own_st"));
      Jdbc.exec(c, "INSERT INTO own_src VALUES (50, 0, 'after the refresh')");
      c.commit();
      c.setAutoCommit(true);
      Ddl.run(c, Ddl.refresh("own_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM own_st", q);

      c.setAutoCommit(false);
      Jdbc.exec(c, "INSERT INTO own_src VALUES (51, 0, 'before the refresh')");
      Ddl.run(c, Ddl.refresh("own_st"));
      MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT id, v FROM own_st", q);
      c.commit();
      c.setAutoCommit(true);
      Ddl.run(c, Ddl.refresh("own_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM own_st", q);
    }
  }
}
