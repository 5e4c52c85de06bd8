package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The scheduler is the low-priority queue of post-refresh actions: after its own refreshes, and for
 * actions a manual refresh left pending (here: committed with the engine, whose caller never ran
 * them).
 */
@PgTest
class PostRefreshActionSchedulerTest {

  @Test
  void theSchedulerRunsPendingActions(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pra_s (id int, g int)",
          "INSERT INTO pra_s SELECT i, i % 4 FROM generate_series(1, 40) i");
      Sql.create(c, "pra_sched", "SELECT g, count(*) AS n FROM pra_s GROUP BY g",
          Sql.opt("schedule", "1s"), Sql.opt("post_refresh_action", "analyze"));
      Sql.create(c, "pra_manual", "SELECT id FROM pra_s WHERE g = 1",
          Sql.opt("post_refresh_action", "analyze"));
      Jdbc.exec(c, "INSERT INTO pra_s VALUES (41, 9)");
      Sql.refresh(c, "pra_manual"); // committed, its action left pending
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = 'pra_manual' AND post_action_pending"));
      try (Scheduler scheduler = Sql.scheduler(db, RetryPolicy.DEFAULT).start()) {
        Sql.await(Duration.ofSeconds(30), "both actions ran", () -> Jdbc.count(c,
            "SELECT count(*) FROM pgtrickle.pgt_stream_tables WHERE storage_name IN"
                + " ('pra_sched', 'pra_manual') AND NOT post_action_pending"
                + " AND post_action_at IS NOT NULL AND post_action_error IS NULL") == 2);
      }
      assertEquals(5, Jdbc.count(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'pra_sched'::regclass"),
          "ANALYZE saw the 5 groups");
      assertEquals(10, Jdbc.count(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'pra_manual'::regclass"));
    }
  }
}
