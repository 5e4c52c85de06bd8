package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A running scheduler keeps stream tables fresh without any REFRESH: a '1s' stream table follows
 * commits, a 'calculated' upstream takes its reader's schedule, a FULL-mode stream table refreshes on
 * its schedule, and unscheduled stream tables are left alone.
 */
@PgTest
class SchedulerFreshnessTest {

  @Test
  void oneSecondScheduleFollowsCommits(TestDatabase db) throws Exception {
    String top = "SELECT g, count(*) AS n, sum(v) AS s FROM fr_mid GROUP BY g";
    String mid = "SELECT id, g, v FROM fr_src WHERE v IS NOT NULL";
    String full = "SELECT g, max(v) AS m FROM fr_src GROUP BY g";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE fr_src (id int, g int, v int)",
          "INSERT INTO fr_src SELECT i, i % 3, i FROM generate_series(1, 30) i");
      Sql.create(c, "fr_mid", mid, Sql.opt("schedule", "calculated"));
      Sql.create(c, "fr_top", top, Sql.opt("schedule", "1s"));
      Sql.create(c, "fr_full", full, Sql.opt("schedule", "1s"), Sql.opt("refresh_mode", "full"));
      Sql.create(c, "fr_manual", mid.replace("fr_src", "fr_src"));
      try (Scheduler scheduler = Sql.scheduler(db, RetryPolicy.DEFAULT).start()) {
        for (int round = 0; round < 3; round++) {
          Jdbc.exec(c, "INSERT INTO fr_src VALUES (100 + " + round + ", 1, 7), (200, NULL, NULL)",
              "UPDATE fr_src SET v = v + 1 WHERE id % 4 = " + round,
              "DELETE FROM fr_src WHERE id = " + (round + 5));
          long ms = Sql.await(Duration.ofSeconds(30), "fr_top fresh", () ->
              MultisetOracle.diff(c, "SELECT g, n, s FROM fr_top",
                  top.replace("fr_mid", "(" + mid + ") x")).isEmpty()
              && MultisetOracle.diff(c, "SELECT g, m FROM fr_full", full).isEmpty());
          System.out.println("SchedulerFreshnessTest: round " + round + " fresh after " + ms + " ms");
        }
      }
      MultisetOracle.assertSameRows(c, "SELECT id, g, v FROM fr_mid", mid);
      assertTrue(Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h JOIN"
          + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'fr_top'"
          + " AND h.initiator = 'scheduler' AND h.executed_strategy = 'differential'"
          + " AND h.instance_id IS NOT NULL") >= 3);
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h JOIN"
          + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'fr_manual'"
          + " AND h.initiator = 'scheduler'"), "a stream table without schedule is left alone");
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history"
          + " WHERE status <> 'succeeded'"));
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_scheduler_instances"
          + " WHERE stopped_at IS NOT NULL AND refreshes > 0"));
    }
  }
}
