package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Source DDL sent behind the driver's back (plain JDBC) is found by the scheduler: a column rename
 * and then a table rename of the source of a differential '1s' stream table are rebuilt at the next
 * claim, after which writes are captured again and the stream table follows them, differentially.
 */
@PgTest
class SchedulerSourceDdlTest {

  private static final String STALE = "SELECT count(*) FROM pgtrickle.pgt_dependencies d"
      + " JOIN pgtrickle.pgt_stream_tables st USING (pgt_id) WHERE st.storage_name = 'sd_st'"
      + " AND d.source_signature IS DISTINCT FROM"
      + " pgtrickle.source_signature(st.definition_view_relid, d.source_relid)";

  @Test
  void renamesAreRebuiltByTheScheduler(TestDatabase db) throws Exception {
    String query = "SELECT g, count(*) AS n, sum(v) AS s FROM sd_src WHERE v IS NOT NULL GROUP BY g";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE sd_src (id int PRIMARY KEY, g int, v int)",
          "INSERT INTO sd_src SELECT i, i % 3, CASE WHEN i % 5 = 0 THEN NULL ELSE i END"
              + " FROM generate_series(1, 40) i");
      Sql.create(c, "sd_st", query, Sql.opt("schedule", "1s"), Sql.opt("refresh_mode", "differential"));
      try (Scheduler scheduler = Sql.scheduler(db, RetryPolicy.DEFAULT).start()) {
        Jdbc.exec(c, "ALTER TABLE sd_src RENAME COLUMN v TO w");
        Sql.await(Duration.ofSeconds(30), "rebuilt after the column rename",
            () -> count(c, STALE) == 0);
        String renamed = query.replace("v", "w");
        Jdbc.exec(c, "INSERT INTO sd_src VALUES (100, 1, 7), (101, NULL, NULL), (102, 1, 7)",
            "UPDATE sd_src SET w = w + 1 WHERE id % 4 = 0", "DELETE FROM sd_src WHERE id = 3");
        Sql.await(Duration.ofSeconds(30), "fresh after the column rename",
            () -> MultisetOracle.diff(c, "SELECT g, n, s FROM sd_st", renamed).isEmpty());

        Jdbc.exec(c, "ALTER TABLE sd_src RENAME TO sd_src2");
        Sql.await(Duration.ofSeconds(30), "rebuilt after the table rename",
            () -> count(c, STALE) == 0);
        String moved = renamed.replace("sd_src", "sd_src2");
        Jdbc.exec(c, "INSERT INTO sd_src2 VALUES (200, 2, 9), (201, 2, NULL)",
            "UPDATE sd_src2 SET g = NULL WHERE id % 7 = 0", "DELETE FROM sd_src2 WHERE id = 8");
        Sql.await(Duration.ofSeconds(30), "fresh after the table rename",
            () -> MultisetOracle.diff(c, "SELECT g, n, s FROM sd_st", moved).isEmpty());
        MultisetOracle.assertSameRows(c, "SELECT g, n, s FROM sd_st", moved);
      }
      assertEquals("differential", Jdbc.scalar(c, "SELECT effective_mode FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = 'sd_st'"));
      assertEquals("differential", Jdbc.scalar(c, "SELECT h.executed_strategy FROM"
          + " pgtrickle.pgt_refresh_history h JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
          + " WHERE s.storage_name = 'sd_st' ORDER BY h.history_id DESC LIMIT 1"));
      assertEquals(0L, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history"
          + " WHERE status <> 'succeeded'"));
    }
  }

  private static long count(Connection c, String sql) {
    try {
      return Jdbc.count(c, sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
