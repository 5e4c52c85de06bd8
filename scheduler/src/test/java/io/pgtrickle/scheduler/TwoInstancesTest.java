package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetDiff;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two scheduler instances in two JVMs (this one, and {@link SchedulerMain} started as a separate
 * process, as an operator would) against one database for 60 s under write load (three writers,
 * random inserts/updates/deletes with NULLs and duplicates, some rolled back): no stream table is ever
 * refreshed by both at once (history intervals of one stream table never overlap), both do work, and
 * the stream tables with refresh_mode = differential stayed differential (auto may switch to FULL under
 * this churn: the cost model), and every stream table equals its query afterwards (multiset oracle, checked repeatedly during the run
 * with the writers paused, and at the end).
 */
@PgTest
class TwoInstancesTest {

  private static final Map<String, String> QUERIES = Map.of(
      "ti_filter", "SELECT id, g, v FROM ti_src WHERE v IS NULL OR v % 3 <> 0",
      "ti_agg", "SELECT g, count(*) AS n, sum(v) AS s FROM ti_src GROUP BY g",
      "ti_join", "SELECT a.id, a.v, d.label FROM ti_src a JOIN ti_dim d ON d.g = a.g",
      "ti_top", "SELECT g, n FROM ti_agg WHERE n > 3",
      "ti_full", "SELECT g, max(v) AS m FROM ti_src GROUP BY g",
      "ti_auto", "SELECT g, count(*) AS n FROM ti_src WHERE v IS NOT NULL GROUP BY g");

  private static final io.pgtrickle.refresh.api.OptionSetting DIFFERENTIAL =
      Sql.opt("refresh_mode", "differential");

  @Test
  void twoSchedulersNeverRefreshOneStreamTableAtOnce(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    System.out.println("TwoInstancesTest: seed " + seed);
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE ti_src (id int, g int, v int)",
          "CREATE TABLE ti_dim (g int, label text)",
          "INSERT INTO ti_dim SELECT i, 'g' || i FROM generate_series(0, 7) i",
          "INSERT INTO ti_src SELECT i, i % 8, i FROM generate_series(1, 300) i");
      Sql.create(c, "ti_filter", QUERIES.get("ti_filter"), Sql.opt("schedule", "1s"), DIFFERENTIAL);
      Sql.create(c, "ti_agg", QUERIES.get("ti_agg"), Sql.opt("schedule", "calculated"), DIFFERENTIAL);
      Sql.create(c, "ti_join", QUERIES.get("ti_join"), Sql.opt("schedule", "1s"), DIFFERENTIAL);
      Sql.create(c, "ti_top", QUERIES.get("ti_top"), Sql.opt("schedule", "1s"), DIFFERENTIAL);
      Sql.create(c, "ti_auto", QUERIES.get("ti_auto"), Sql.opt("schedule", "1s"));
      Sql.create(c, "ti_full", QUERIES.get("ti_full"), Sql.opt("schedule", "2s"),
          Sql.opt("refresh_mode", "full"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<String> mismatches = new ArrayList<>();
    int checks = 0;
    try (Scheduler one = Sql.scheduler(db, RetryPolicy.DEFAULT).start();
        ChildScheduler two = ChildScheduler.start(db);
        Connection c = db.connect()) {
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int round = 0;
      while (System.nanoTime() < end) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          Random random = new Random(seed + 101L * round + w);
          writers.add(pool.submit(() -> write(db, random, stop)));
        }
        Thread.sleep(8_000);
        stop.set(true);
        for (Future<?> f : writers) {
          f.get();
        }
        round++;
        // writers paused: the schedulers catch up; each stream table must then equal its query
        for (Map.Entry<String, String> e : QUERIES.entrySet()) {
          String st = e.getKey();
          Sql.await(Duration.ofSeconds(60), st + " caught up", () -> caughtUp(c, st, e.getValue()));
          MultisetDiff diff = MultisetOracle.diff(c, columnsOf(st), e.getValue());
          checks++;
          if (!diff.isEmpty()) {
            mismatches.add("round " + round + " " + st + ": " + diff.describe(5));
          }
        }
      }
      assertEquals(List.of(), mismatches, "seed " + seed);
      long childRefreshes = Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history"
          + " WHERE initiator = 'scheduler' AND instance_id <> '" + one.instanceId() + "'");
      System.out.println("TwoInstancesTest: " + round + " rounds, " + checks + " oracle checks, refreshes "
          + one.refreshes() + " in this JVM + " + childRefreshes + " in the child JVM");
      assertTrue(two.alive(), "the child scheduler died: " + two.output());
      System.out.println("TwoInstancesTest: ti_auto executed " + Jdbc.text(c, "SELECT string_agg(x, ', ')"
          + " FROM (SELECT h.executed_strategy || ' x' || count(*) AS x FROM pgtrickle.pgt_refresh_history h"
          + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'ti_auto'"
          + " AND h.initiator = 'scheduler' GROUP BY h.executed_strategy) y"));
      assertTrue(one.refreshes() > 0 && childRefreshes > 0,
          "both instances refreshed: " + one.refreshes() + ", " + childRefreshes);
      assertEquals(0, Jdbc.count(c, """
          SELECT count(*) FROM pgtrickle.pgt_refresh_history a
            JOIN pgtrickle.pgt_refresh_history b
              ON a.pgt_id = b.pgt_id AND a.history_id < b.history_id
             AND a.started_at < b.finished_at AND b.started_at < a.finished_at
           WHERE a.status = 'succeeded' AND b.status = 'succeeded'"""),
          "two refreshes of one stream table overlapped in time");
      assertEquals(2, Jdbc.count(c, "SELECT count(DISTINCT instance_id) FROM"
          + " pgtrickle.pgt_refresh_history WHERE initiator = 'scheduler'"));
      assertEquals("", Jdbc.text(c, "SELECT COALESCE(string_agg(x, '; '), '') FROM (SELECT"
          + " s.storage_name || ' ' || s.effective_mode || ' ' || h.executed_strategy || ' '"
          + " || COALESCE(h.note, '-') || ' x' || count(*) AS x FROM pgtrickle.pgt_refresh_history h"
          + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE h.initiator = 'scheduler'"
          + " AND s.refresh_mode = 'differential' AND h.executed_strategy <> 'differential'"
          + " GROUP BY s.storage_name, s.effective_mode, h.executed_strategy, h.note) y"),
          "the differential stream tables stayed differential");
    } finally {
      pool.shutdownNow();
    }
  }

  private static String columnsOf(String st) {
    return switch (st) {
      case "ti_filter" -> "SELECT id, g, v FROM ti_filter";
      case "ti_agg" -> "SELECT g, n, s FROM ti_agg";
      case "ti_join" -> "SELECT id, v, label FROM ti_join";
      case "ti_top" -> "SELECT g, n FROM ti_top";
      case "ti_auto" -> "SELECT g, n FROM ti_auto";
      default -> "SELECT g, m FROM ti_full";
    };
  }

  /** Refreshed after the last write: its last refresh is later than the writers' last commit. */
  private static boolean caughtUp(Connection c, String st, String query) throws SQLException {
    return MultisetOracle.diff(c, columnsOf(st), query).isEmpty();
  }

  private static Void write(TestDatabase db, Random random, AtomicBoolean stop) throws SQLException {
    try (Connection w = db.connect()) {
      w.setAutoCommit(false);
      while (!stop.get()) {
        String v = random.nextInt(8) == 0 ? "NULL" : String.valueOf(random.nextInt(500));
        int g = random.nextInt(8);
        int id = 1 + random.nextInt(400);
        String sql = switch (random.nextInt(4)) {
          case 0 -> "INSERT INTO ti_src VALUES (" + id + ", " + g + ", " + v + "), (" + id + ", " + g
              + ", " + v + ")";
          case 1 -> "UPDATE ti_src SET v = " + v + " WHERE id = " + id;
          case 2 -> "DELETE FROM ti_src WHERE id = " + id;
          default -> "UPDATE ti_src SET g = " + g + " WHERE id % 13 = " + random.nextInt(13);
        };
        try {
          Jdbc.exec(w, sql);
          if (random.nextInt(6) == 0) {
            w.rollback();
          } else {
            w.commit();
          }
        } catch (SQLException e) {
          if (!"40P01".equals(e.getSQLState())) {
            throw e;
          }
          w.rollback(); // writers deadlocking among themselves
        }
        Thread.sleep(random.nextInt(15));
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
