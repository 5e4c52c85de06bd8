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
 * IMMEDIATE mode under concurrent writers: four READ COMMITTED writers and one REPEATABLE READ writer
 * run random multi-statement transactions (commit or rollback) on both sources of a join and an
 * aggregate stream table (count, sum, avg, min, max with hidden state) for
 * {@code pgtrickle.immediate.seconds} (default 30) seconds, while a checker compares both stream
 * tables with their queries in one snapshot after another. Since maintenance commits with the writes,
 * every snapshot must match. Deadlocks (40P01) and, for the REPEATABLE READ writer, serialization
 * failures (40001) are expected and retried.
 */
@PgTest
class ImmediateConcurrencyTest {

  @Test
  void writersNeverCorruptAJoinOrAnAggregate(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    long seconds = Long.getLong("pgtrickle.immediate.seconds", 30);
    System.out.println("ImmediateConcurrencyTest: seed " + seed + ", " + seconds + " s");
    try (Connection c = db.connect()) {
      ImmediateModeTest.schema(c);
      Ddl.run(c, Ddl.create("imm_join", ImmediateModeTest.JOIN, Ddl.opt("refresh_mode", "immediate")));
      Ddl.run(c, Ddl.create("imm_agg", ImmediateModeTest.AGG, Ddl.opt("refresh_mode", "immediate")));
      ImmediateModeTest.assertHiddenState(c, "imm_agg");
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong commits = new AtomicLong();
    java.util.concurrent.ConcurrentHashMap<String, AtomicLong> retries =
        new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong checks = new AtomicLong();
    List<String> mismatches = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 5; w++) {
        Random r = new Random(seed + w);
        boolean repeatableRead = w == 4;
        writers.add(pool.submit(() -> {
          try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            if (repeatableRead) {
              c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            while (!stop.get()) {
              try {
                int statements = 1 + r.nextInt(4);
                for (int i = 0; i < statements; i++) {
                  Jdbc.exec(c, ImmediateModeTest.randomStatement(r));
                }
                if (r.nextInt(5) == 0) {
                  c.rollback();
                } else {
                  c.commit();
                  commits.incrementAndGet();
                }
              } catch (SQLException e) {
                c.rollback();
                String state = e.getSQLState();
                boolean expected = "40P01".equals(state) || "23505".equals(state)
                    || (repeatableRead && "40001".equals(state));
                if (!expected) {
                  throw e;
                }
                retries.computeIfAbsent(state, k -> new AtomicLong()).incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      Future<?> checker = pool.submit(() -> {
        try (Connection c = db.connect()) {
          while (!stop.get()) {
            compare(c, mismatches);
            checks.incrementAndGet();
          }
        }
        return null;
      });
      Thread.sleep(seconds * 1000);
      stop.set(true);
      for (Future<?> f : writers) {
        f.get();
      }
      checker.get();
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    try (Connection c = db.connect()) {
      compare(c, mismatches);
      System.out.println("ImmediateConcurrencyTest: " + commits.get() + " commits, " + retries
          + " retried by SQLSTATE, " + checks.get() + " snapshot checks, "
          + mismatches.size() + " mismatches");
      assertEquals(List.of(), mismatches, "seed " + seed);
      assertTrue(commits.get() > 0 && checks.get() > 0);
      assertEquals(0, Jdbc.count(c, "SELECT sum(misfit_count) FROM pgtrickle.pgt_immediate"));
    }
  }

  private static void compare(Connection c, List<String> mismatches) throws SQLException {
    String[][] pairs = {
        {"SELECT id, cust, name, amount FROM imm_join", ImmediateModeTest.JOIN},
        {ImmediateModeTest.AGG_COLUMNS, ImmediateModeTest.AGG}};
    for (String[] pair : pairs) {
      var diff = MultisetOracle.diff(c, pair[0], pair[1]);
      if (!diff.isEmpty()) {
        synchronized (mismatches) {
          mismatches.add(pair[0] + ": " + diff);
        }
      }
    }
  }
}
