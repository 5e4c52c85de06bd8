package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A stream table whose refresh keeps failing is retried with backoff, suspended after the configured
 * number of failures in a row with the error kept in the catalog, left alone while suspended, and
 * refreshed again once resumed (by ALTER … SET (pgtrickle.status = 'active') or pgtrickle.resume).
 */
@PgTest
class FailureHandlingTest {

  @Test
  void suspendAfterRepeatedFailuresAndResume(TestDatabase db) throws Exception {
    RetryPolicy policy = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3);
    String query = "SELECT id, 100 / v AS q FROM fh_src";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE fh_src (id int, v int)", "INSERT INTO fh_src VALUES (1, 5), (2, 10)");
      Sql.create(c, "fh_st", query, Sql.opt("schedule", "1s"));
      Sql.create(c, "fh_ok", "SELECT id FROM fh_src", Sql.opt("schedule", "1s"));
      Jdbc.exec(c, "INSERT INTO fh_src VALUES (3, 0)"); // 100 / 0: every refresh of fh_st fails
      try (Scheduler scheduler = Sql.scheduler(db, policy).start()) {
        Sql.await(Duration.ofSeconds(30), "fh_st suspended",
            () -> "suspended".equals(Jdbc.text(c, "SELECT status FROM pgtrickle.pgt_status WHERE name = 'public.fh_st'")));
        assertEquals(3, Jdbc.count(c, "SELECT consecutive_failures FROM pgtrickle.pgt_stream_tables"
            + " WHERE storage_name = 'fh_st'"));
        assertEquals("22012", Jdbc.text(c, "SELECT last_error_sqlstate FROM pgtrickle.pgt_stream_tables"
            + " WHERE storage_name = 'fh_st'"));
        assertEquals(3, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h JOIN"
            + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'fh_st'"
            + " AND h.status = 'failed' AND h.error_sqlstate = '22012' AND h.instance_id IS NOT NULL"));
        // the other stream table over the same source is unaffected
        Sql.await(Duration.ofSeconds(30), "fh_ok fresh",
            () -> MultisetOracle.diff(c, "SELECT id FROM fh_ok", "SELECT id FROM fh_src").isEmpty());
        assertEquals("ERROR", Jdbc.text(c, "SELECT severity FROM pgtrickle.pgt_health"
            + " WHERE check_name = 'suspended_tables' AND detail LIKE '%public.fh_st%'"));
        // suspended: no further attempts even though it is overdue
        Thread.sleep(1500);
        assertEquals(3, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h JOIN"
            + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'fh_st'"
            + " AND h.status = 'failed'"));
        // fix the data and resume through ALTER
        Jdbc.exec(c, "UPDATE fh_src SET v = 1 WHERE v = 0");
        Sql.alter(c, "fh_st", Sql.opt("status", "active"));
        Sql.await(Duration.ofSeconds(30), "fh_st refreshed after resume",
            () -> MultisetOracle.diff(c, "SELECT id, q FROM fh_st", query).isEmpty());
        assertEquals("active", Jdbc.text(c, "SELECT status FROM pgtrickle.pgt_stream_tables"
            + " WHERE storage_name = 'fh_st'"));
        assertEquals(0, Jdbc.count(c, "SELECT consecutive_failures FROM pgtrickle.pgt_stream_tables"
            + " WHERE storage_name = 'fh_st'"));
        // suspend and resume through the functions
        assertEquals("suspended", Jdbc.text(c, "SELECT pgtrickle.suspend('fh_st')"));
        assertEquals("suspended", Jdbc.text(c, "SELECT status FROM pgtrickle.pgt_status WHERE name = 'public.fh_st'"));
        assertEquals("active", Jdbc.text(c, "SELECT pgtrickle.resume('fh_st')"));
        assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_health"
            + " WHERE check_name = 'suspended_tables' AND detail LIKE '%public.fh_st%'"));
        assertEquals("OK", Jdbc.text(c, "SELECT severity FROM pgtrickle.pgt_health"
            + " WHERE check_name = 'scheduler_running'"));
      }
    }
  }

  @Test
  void statusIsValidatedAndOnlyAlterable(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE sv_src (id int)");
      SQLException inCreate = assertThrows(SQLException.class,
          () -> Sql.create(c, "sv_st", "SELECT id FROM sv_src", Sql.opt("status", "suspended")));
      assertEquals("0A000", inCreate.getSQLState());
      assertEquals(null, Jdbc.scalar(c, "SELECT to_regclass('sv_st')"), "nothing left behind");
      Sql.create(c, "sv_st", "SELECT id FROM sv_src");
      SQLException bad = assertThrows(SQLException.class,
          () -> Sql.alter(c, "sv_st", Sql.opt("status", "paused")));
      assertEquals("22023", bad.getSQLState());
      SQLException error = assertThrows(SQLException.class,
          () -> Sql.alter(c, "sv_st", Sql.opt("status", "error")));
      assertEquals("22023", error.getSQLState(), "error is set by failures, not asked for");
      Sql.alter(c, "sv_st", Sql.opt("status", "suspended"));
      assertEquals("suspended", Jdbc.text(c, "SELECT status FROM pgtrickle.pgt_status WHERE name = 'public.sv_st'"));
      Sql.refresh(c, "sv_st");
      assertEquals("suspended", Jdbc.text(c, "SELECT status FROM pgtrickle.pgt_status WHERE name = 'public.sv_st'"),
          "a manual refresh leaves it suspended");
      SQLException notSt = assertThrows(SQLException.class,
          () -> Jdbc.scalar(c, "SELECT pgtrickle.resume('sv_src')"));
      assertEquals("42809", notSt.getSQLState());
      Sql.alter(c, "sv_st", Sql.opt("status", "active"));
      assertEquals("active", Jdbc.text(c, "SELECT status FROM pgtrickle.pgt_status WHERE name = 'public.sv_st'"));
    }
  }
}
