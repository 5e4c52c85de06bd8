package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The window invariant under concurrent writers: for many windows (S0, S1] taken while random writers
 * run (late commits, rollbacks, savepoints), {@code state(S1) − inserted + deleted = state(S0)} as
 * multisets, and no buffer row that became visible is left out. A chain of exact windows also proves
 * that nothing is applied twice.
 */
@PgTest
class WindowInvariantTest {

  private static final int WRITERS = 4;
  private static final int WINDOWS = 40;

  @Test
  void keyedSourceWithConcurrentWriters(TestDatabase db) throws Exception {
    run(db, "inv_keyed", "id int PRIMARY KEY, k int, v text, u int", RandomWriter.Shape.KEYED, "id, k, v");
  }

  @Test
  void keylessSourceWithConcurrentWriters(TestDatabase db) throws Exception {
    run(db, "inv_keyless", "k int, v text, u int", RandomWriter.Shape.KEYLESS, "k, v");
  }

  private void run(
      TestDatabase db, String table, String definition, RandomWriter.Shape shape, String columns)
      throws Exception {
    long seed = Long.getLong("pgtrickle.test.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " " + table + " seed " + seed);
    Random random = new Random(seed);
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE " + table + " (" + definition + ")");
      SourceRelation source = Db.source(c, table);
      new TriggerCdcBackend().ensureCapture(c, source, Set.of("k", "v"));
      SimulatedConsumer consumer = SimulatedConsumer.populate(c, source, columns, table);

      AtomicBoolean stop = new AtomicBoolean();
      List<RandomWriter> writers = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      List<Connection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < WRITERS; i++) {
          Connection wc = db.connect();
          connections.add(wc);
          RandomWriter writer = new RandomWriter(wc, table, shape, seed + i + 1, stop, 15);
          writers.add(writer);
          Thread thread = new Thread(writer, table + "-writer-" + i);
          threads.add(thread);
          thread.start();
        }
        for (int i = 0; i < WINDOWS; i++) {
          Thread.sleep(random.nextInt(80));
          consumer.refreshAndCheck();
        }
      } finally {
        stop.set(true);
        for (Thread thread : threads) {
          thread.join(30_000);
        }
        for (Connection wc : connections) {
          wc.close();
        }
      }
      consumer.refreshAndCheck(); // everything committed by now
      long commits = 0;
      long savepointRollbacks = 0;
      long failures = 0;
      for (RandomWriter writer : writers) {
        assertNull(writer.crash(), "writer crashed (seed " + seed + ")");
        commits += writer.commits.get();
        savepointRollbacks += writer.savepointRollbacks.get();
        failures += writer.failures.get();
      }
      System.out.println(
          table + ": " + commits + " commits, " + savepointRollbacks + " savepoint rollbacks, "
              + failures + " failed transactions, "
              + consumer.consumedChanges() + " changes consumed over " + (WINDOWS + 1) + " windows");
      assertTrue(commits > 20, "the workload did too little to prove anything: " + commits);
      assertTrue(consumer.consumedChanges() > 50, "too few changes: " + consumer.consumedChanges());
    }
  }

  /**
   * The first frontier: capture installed, and later extended, while writers are in the middle of
   * transactions; consumers populated after each install see exact windows from their first refresh.
   */
  @Test
  void captureInstalledAndExtendedWhileWritersRun(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.test.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " install-under-load seed " + seed);
    Random random = new Random(seed);
    TriggerCdcBackend backend = new TriggerCdcBackend();
    try (Connection c = db.connect(); Connection b = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE inv_live (id int PRIMARY KEY, k int, v text, u int)");
      SourceRelation source = Db.source(c, "inv_live");
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      List<RandomWriter> writers = new ArrayList<>();
      List<Connection> connections = new ArrayList<>();
      SimulatedConsumer withK;
      SimulatedConsumer withKv;
      try {
        for (int i = 0; i < WRITERS; i++) {
          Connection wc = db.connect();
          connections.add(wc);
          RandomWriter writer = new RandomWriter(wc, "inv_live", RandomWriter.Shape.KEYED, seed + i, stop, 15);
          writers.add(writer);
          Thread thread = new Thread(writer, "live-writer-" + i);
          threads.add(thread);
          thread.start();
        }
        Thread.sleep(200);
        backend.ensureCapture(c, source, Set.of("k"));
        withK = SimulatedConsumer.populate(c, source, "id, k", "live_k");
        for (int i = 0; i < 10; i++) {
          Thread.sleep(random.nextInt(60));
          withK.refreshAndCheck();
        }
        backend.ensureCapture(c, source, Set.of("v"));
        withKv = SimulatedConsumer.populate(b, source, "id, k, v", "live_kv");
        for (int i = 0; i < 20; i++) {
          Thread.sleep(random.nextInt(60));
          if (random.nextBoolean()) {
            withK.refreshAndCheck();
          } else {
            withKv.refreshAndCheck();
          }
        }
      } finally {
        stop.set(true);
        for (Thread thread : threads) {
          thread.join(30_000);
        }
        for (Connection wc : connections) {
          wc.close();
        }
      }
      for (RandomWriter writer : writers) {
        assertNull(writer.crash(), "writer crashed (seed " + seed + ")");
      }
      withK.refreshAndCheck();
      withKv.refreshAndCheck();
      assertTrue(withKv.consumedChanges() > 20, "too few changes: " + withKv.consumedChanges());
    }
  }
}
