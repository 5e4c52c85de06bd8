package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The change window under concurrency: late-committing writers, many writers during refreshes, a
 * refreshing backend killed mid-refresh.
 */
@PgTest
class DifferentialConcurrencyTest {

  private static final String DIFFERENTIAL = "differential";

  @Test
  void aWriterThatCommitsAfterARefreshIsPickedUpByTheNextOneExactlyOnce(TestDatabase db)
      throws Exception {
    try (Connection c = db.connect(); Connection writer = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE late_src (id int, v text)",
          "INSERT INTO late_src VALUES (1, 'a'), (2, 'b'), (2, 'b')");
      Ddl.run(c, Ddl.create("late_st", "SELECT id, v FROM late_src WHERE id > 0",
          Ddl.opt("refresh_mode", DIFFERENTIAL)));
      writer.setAutoCommit(false);
      Jdbc.exec(writer, "INSERT INTO late_src VALUES (3, 'c'), (2, 'b')",
          "DELETE FROM late_src WHERE id = 1");
      Jdbc.exec(c, "INSERT INTO late_src VALUES (4, 'd')");
      Ddl.run(c, Ddl.refresh("late_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM late_st", "SELECT id, v FROM late_src WHERE id > 0");
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM late_st WHERE id = 3"));
      writer.commit();
      Ddl.run(c, Ddl.refresh("late_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM late_st", "SELECT id, v FROM late_src WHERE id > 0");
      assertEquals(3, Jdbc.count(c, "SELECT count(*) FROM late_st WHERE id = 2"));
      Ddl.run(c, Ddl.refresh("late_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM late_st", "SELECT id, v FROM late_src WHERE id > 0");
      assertEquals(DIFFERENTIAL, RandomizedDifferentialTest.lastStrategy(c, "late_st"));
    }
  }

  @Test
  void fourWritersDuringALoopOfRefreshes(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    System.out.println("DifferentialConcurrencyTest writers: seed " + seed);
    String query = "SELECT g, v FROM busy_src WHERE v % 3 <> 0";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE busy_src (id bigserial PRIMARY KEY, g int, v int)",
          "INSERT INTO busy_src (g, v) SELECT i % 10, i FROM generate_series(1, 500) i");
      Ddl.run(c, Ddl.create("busy_st", query, Ddl.opt("refresh_mode", DIFFERENTIAL)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(5);
    AtomicLong refreshes = new AtomicLong();
    int mismatches = 0;
    try (Connection c = db.connect()) {
      for (int round = 0; round < 6; round++) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          Random random = new Random(seed + 31L * round + w);
          writers.add(pool.submit(() -> write(db, random, stop)));
        }
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
          Ddl.run(c, Ddl.refresh("busy_st"));
          refreshes.incrementAndGet();
        }
        stop.set(true);
        for (Future<?> f : writers) {
          f.get();
        }
        Ddl.run(c, Ddl.refresh("busy_st"));
        if (!MultisetOracle.diff(c, "SELECT g, v FROM busy_st", query).isEmpty()) {
          mismatches++;
        }
      }
      assertEquals(0, mismatches, "seed " + seed);
      assertTrue(refreshes.get() > 10, "refreshes: " + refreshes.get());
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h"
          + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'busy_st'"
          + " AND h.initiator = 'refresh' AND h.executed_strategy <> 'differential'"));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void write(TestDatabase db, Random random, AtomicBoolean stop) throws SQLException {
    try (Connection w = db.connect()) {
      w.setAutoCommit(false);
      while (!stop.get()) {
        switch (random.nextInt(4)) {
          case 0 -> Jdbc.exec(w, "INSERT INTO busy_src (g, v) VALUES (" + random.nextInt(10) + ", "
              + random.nextInt(1000) + ")");
          case 1 -> Jdbc.exec(w, "UPDATE busy_src SET v = v + 1 WHERE id = " + (1 + random.nextInt(600)));
          case 2 -> Jdbc.exec(w, "DELETE FROM busy_src WHERE id = " + (1 + random.nextInt(600)));
          default -> Jdbc.exec(w, "UPDATE busy_src SET g = " + random.nextInt(10) + " WHERE g = "
              + random.nextInt(10) + " AND id % 7 = " + random.nextInt(7));
        }
        if (random.nextInt(3) == 0) {
          sleep(random.nextInt(20));
        }
        if (random.nextInt(5) == 0) {
          w.rollback();
        } else {
          w.commit();
        }
      }
      return null;
    } catch (SQLException e) {
      if ("40P01".equals(e.getSQLState())) {
        return null; // a deadlock between writers is theirs, not the refresh's
      }
      throw e;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRefreshKilledMidwayLeavesNothingHalfApplied(TestDatabase db) throws Exception {
    String query = "SELECT id, v FROM kill_src";
    try (Connection c = db.connect(); Connection blocker = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE kill_src (id int, v text)",
          "INSERT INTO kill_src SELECT i, 'v' || i FROM generate_series(1, 100) i");
      Ddl.run(c, Ddl.create("kill_st", query, Ddl.opt("refresh_mode", DIFFERENTIAL)));
      Jdbc.exec(c, "INSERT INTO kill_src VALUES (101, 'new'), (5, 'v5')",
          "DELETE FROM kill_src WHERE id = 7");
      blocker.setAutoCommit(false);
      Jdbc.exec(blocker, "LOCK TABLE kill_st IN EXCLUSIVE MODE");
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (Connection victim = db.connect()) {
        long pid = ((Number) Jdbc.scalar(victim, "SELECT pg_backend_pid()")).longValue();
        Future<?> refresh = pool.submit(() -> Ddl.run(victim, Ddl.refresh("kill_st")));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Jdbc.count(c, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
            + " AND wait_event_type = 'Lock'") == 0) {
          assertTrue(System.nanoTime() < deadline, "the refresh never waited on the lock");
          Thread.sleep(20);
        }
        Jdbc.exec(c, "SELECT pg_terminate_backend(" + pid + ")");
        try {
          refresh.get();
        } catch (java.util.concurrent.ExecutionException expected) {
          // the refresh's connection was killed
        }
      } finally {
        pool.shutdownNow();
      }
      blocker.commit();
      Ddl.run(c, Ddl.refresh("kill_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM kill_st", query);
      assertEquals(DIFFERENTIAL, RandomizedDifferentialTest.lastStrategy(c, "kill_st"));
      Ddl.run(c, Ddl.refresh("kill_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM kill_st", query);
    }
  }
}
