package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A diamond a → b, a → c, (b, c) → d with diamond_consistency = atomic (the default): b and c always
 * derive from the same state of a, so d — which pairs b's v with c's w = 2·v — never holds a row with
 * w ≠ 2·v, while a writer keeps changing a and readers watch d and (b, c) in single snapshots.
 */
@PgTest
class DiamondTest {

  private static final String B = "SELECT id, v FROM dm_a";
  private static final String C = "SELECT id, v * 2 AS w FROM dm_a";
  private static final String D = "SELECT b.id, b.v, c.w FROM dm_b b JOIN dm_c c ON c.id = b.id";

  @Test
  void dNeverObservesNewBWithOldC(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    System.out.println("DiamondTest: seed " + seed);
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE dm_a (id int PRIMARY KEY, v int)",
          "INSERT INTO dm_a SELECT i, i FROM generate_series(1, 50) i");
      Sql.create(c, "dm_b", B, Sql.opt("schedule", "calculated"));
      Sql.create(c, "dm_c", C, Sql.opt("schedule", "calculated"));
      Sql.create(c, "dm_d", D, Sql.opt("schedule", "1s"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong observations = new AtomicLong();
    AtomicLong mixed = new AtomicLong();
    try (Scheduler scheduler = Sql.scheduler(db, RetryPolicy.DEFAULT).start();
        Connection c = db.connect()) {
      Future<?> writer = pool.submit(() -> write(db, new Random(seed), stop));
      Future<?> reader = pool.submit(() -> watch(db, stop, observations, mixed));
      Thread.sleep(20_000);
      stop.set(true);
      writer.get();
      reader.get();
      Sql.await(Duration.ofSeconds(30), "dm_d caught up",
          () -> MultisetOracle.diff(c, "SELECT id, v, w FROM dm_d",
              D.replace("dm_b", "(" + B + ")").replace("dm_c", "(" + C + ")")).isEmpty());
      System.out.println("DiamondTest: " + observations.get() + " observations, "
          + Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history WHERE initiator = 'scheduler'")
          + " scheduled refreshes");
      assertEquals(0, mixed.get(), "observations of a mixed state (seed " + seed + ")");
      assertTrue(observations.get() > 10, "observations: " + observations.get());
      assertTrue(Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h JOIN"
          + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'dm_d'"
          + " AND h.initiator = 'scheduler' AND h.executed_strategy = 'differential'") > 3);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  private static Void write(TestDatabase db, Random random, AtomicBoolean stop) throws Exception {
    try (Connection w = db.connect()) {
      while (!stop.get()) {
        int id = 1 + random.nextInt(60);
        switch (random.nextInt(3)) {
          case 0 -> Jdbc.exec(w, "UPDATE dm_a SET v = v + " + (1 + random.nextInt(9)) + " WHERE id % 5 = "
              + random.nextInt(5));
          case 1 -> Jdbc.exec(w, "DELETE FROM dm_a WHERE id = " + id);
          default -> Jdbc.exec(w, "INSERT INTO dm_a VALUES (" + id + ", " + random.nextInt(100)
              + ") ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v");
        }
        Thread.sleep(random.nextInt(30));
      }
    }
    return null;
  }

  /** Counts reads of d (and of b with c in one snapshot) that pair a new v with an old w. */
  private static Void watch(TestDatabase db, AtomicBoolean stop, AtomicLong observations,
      AtomicLong mixed) throws SQLException, InterruptedException {
    try (Connection r = db.connect()) {
      r.setAutoCommit(false);
      r.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      while (!stop.get()) {
        long bad = Jdbc.count(r, "SELECT count(*) FROM dm_d WHERE w IS DISTINCT FROM 2 * v");
        long badBranches = Jdbc.count(r, "SELECT count(*) FROM dm_b b FULL JOIN dm_c c USING (id)"
            + " WHERE c.w IS DISTINCT FROM 2 * b.v");
        r.commit();
        observations.incrementAndGet();
        if (bad + badBranches > 0) {
          mixed.incrementAndGet();
        }
        Thread.sleep(20);
      }
    }
    return null;
  }
}
