package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.spi.cdc.BufferStats;
import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.Frontier;
import io.pgtrickle.spi.cdc.PgSnapshot;
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

/** Pruning removes what every consumer has consumed, and never a row some consumer still needs. */
@PgTest
class PruneTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  @Test
  void lateCommitterSurvivesPruningUntilConsumed(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Connection writer = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pl (id int PRIMARY KEY, v text)");
      SourceRelation s = Db.source(c, "pl");
      backend.ensureCapture(c, s, Set.of("v"));
      PgSnapshot f0 = frontier(c);
      writer.setAutoCommit(false);
      Jdbc.exec(writer, "INSERT INTO pl VALUES (1, 'late')");
      Jdbc.exec(c, "INSERT INTO pl VALUES (2, 'early')");
      PgSnapshot f1 = frontier(c);
      writer.commit();
      Jdbc.exec(c, "INSERT INTO pl VALUES (3, 'after')");

      // f1 consumed row 2 only: rows 1 and 3 are not visible in f1 and must stay.
      assertEquals(1, backend.prune(c, s, List.of(f1)));
      assertEquals(List.of("1|1", "1|3"), Db.buffer(c, s, "id"));
      PgSnapshot f2 = frontier(c);
      assertEquals(
          List.of("1|late|1", "3|after|1"),
          Db.sorted(Db.rows(c, ChangeWindow.between(f1, f2).changesQuery(s.oid(), List.of("id", "v")))));
      // A second consumer still at f0 keeps everything it has not seen.
      assertEquals(0, backend.prune(c, s, List.of(f2, f0)));
      assertEquals(2, backend.prune(c, s, List.of(f2)));
      BufferStats stats = backend.bufferStats(c, s);
      assertEquals(0, stats.rows());
      assertTrue(stats.oldestXid().isEmpty());
      assertEquals(0, backend.prune(c, s, List.of()));
    }
  }

  @Test
  void pruningBehindAnOpenTransactionKeepsOnlyItsRows(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Connection blocker = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pb (id int PRIMARY KEY, v text)", "CREATE TABLE pb_other (x int)");
      SourceRelation s = Db.source(c, "pb");
      backend.ensureCapture(c, s, Set.of("v"));
      // An unrelated open transaction holds xmin back; rows committed after it started are still
      // prunable once every consumer has seen them (no xmin holdback).
      blocker.setAutoCommit(false);
      Jdbc.exec(blocker, "INSERT INTO pb_other VALUES (1)");
      Jdbc.exec(c, "INSERT INTO pb VALUES (1, 'a')", "INSERT INTO pb VALUES (2, 'b')");
      PgSnapshot f = frontier(c);
      assertTrue(f.inProgress().size() >= 1, f.toString());
      assertEquals(2, backend.prune(c, s, List.of(f)));
      blocker.rollback();
    }
  }

  @Test
  void twoConsumersWithConcurrentWritersAndPruning(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.test.seed", System.nanoTime());
    System.out.println("PruneTest seed " + seed);
    Random random = new Random(seed);
    try (Connection c = db.connect(); Connection a = db.connect(); Connection b = db.connect();
        Connection pruner = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pc (id int PRIMARY KEY, k int, v text, u int)");
      SourceRelation s = Db.source(c, "pc");
      backend.ensureCapture(c, s, Set.of("k", "v"));
      SimulatedConsumer consumerA = SimulatedConsumer.populate(a, s, "id, k, v", "pa");
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      List<RandomWriter> writers = new ArrayList<>();
      List<Connection> writerConnections = new ArrayList<>();
      SimulatedConsumer consumerB = null;
      long pruned = 0;
      try {
        for (int i = 0; i < 3; i++) {
          Connection wc = db.connect();
          writerConnections.add(wc);
          RandomWriter writer = new RandomWriter(wc, "pc", RandomWriter.Shape.KEYED, seed + i, stop, 10);
          writers.add(writer);
          Thread thread = new Thread(writer, "prune-writer-" + i);
          threads.add(thread);
          thread.start();
        }
        for (int round = 0; round < 40; round++) {
          Thread.sleep(random.nextInt(40));
          if (round == 5) {
            // a consumer that joins late; nothing prunes while it is being created
            consumerB = SimulatedConsumer.populate(b, s, "id, k, v", "pb");
          }
          if (random.nextBoolean()) {
            consumerA.refreshAndCheck();
          } else if (consumerB != null) {
            consumerB.refreshAndCheck();
          }
          List<PgSnapshot> frontiers = new ArrayList<>(List.of(consumerA.frontier()));
          if (consumerB != null) {
            frontiers.add(consumerB.frontier());
          }
          pruned += backend.prune(pruner, s, frontiers);
        }
      } finally {
        stop.set(true);
        for (Thread thread : threads) {
          thread.join(30_000);
        }
        for (Connection wc : writerConnections) {
          wc.close();
        }
      }
      for (RandomWriter writer : writers) {
        assertNull(writer.crash(), "writer crashed (seed " + seed + ")");
      }
      consumerA.refreshAndCheck();
      consumerB.refreshAndCheck();
      pruned += backend.prune(pruner, s, List.of(consumerA.frontier(), consumerB.frontier()));
      System.out.println("PruneTest pruned " + pruned + " rows");
      assertTrue(pruned > 0, "pruning never removed anything");
      assertEquals(0, backend.bufferStats(c, s).rows(), "both consumers are at the latest frontier");
    }
  }

  private static PgSnapshot frontier(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      return Frontier.current(c);
    } finally {
      c.commit();
      c.setAutoCommit(true);
    }
  }
}
