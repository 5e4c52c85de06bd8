package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A transaction that changes a source, refreshes a differential stream table, and changes the source
 * again: the refresh shows the first changes at once, and no later refresh (in the same transaction or
 * after it commits) misses the second ones or applies the first ones twice. The frontier of such a
 * refresh carries an own-transaction mark (xid, last command read), so every refresh stays
 * differential. Checked with the oracle after every refresh, with savepoints rolled back across a
 * refresh, rolled-back transactions, and pruning in between.
 */
@PgTest
class SameTransactionRefreshTest {

  private static final String AGG = "SELECT k, count(*) AS n, sum(v) AS s, min(v) AS lo FROM same_src GROUP BY k";
  private static final String BAG = "SELECT k, v FROM same_src WHERE v > 2";
  private static final String JOIN =
      "SELECT s.k, s.v, d.label FROM same_src s JOIN same_dim d ON d.k = s.k";
  private static final List<String[]> STREAM_TABLES = List.of(
      new String[] {"same_agg", "SELECT k, n, s, lo FROM same_agg", AGG},
      new String[] {"same_bag", "SELECT k, v FROM same_bag", BAG},
      new String[] {"same_join", "SELECT k, v, label FROM same_join", JOIN});

  @Test
  void changesAfterARefreshInTheSameTransactionAreNotMissed(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      setUp(c);
      c.setAutoCommit(false);
      Jdbc.exec(c, "INSERT INTO same_src VALUES (1, 100), (9, NULL)", "DELETE FROM same_src WHERE v = 7");
      refreshAndCheck(c, true);
      Jdbc.exec(c, "UPDATE same_src SET v = v + 1 WHERE k = 2", "INSERT INTO same_src VALUES (3, 3), (3, 3)");
      refreshAndCheck(c, true);
      Jdbc.exec(c, "DELETE FROM same_src WHERE k = 0", "UPDATE same_src SET k = 5 WHERE v = 3",
          "UPDATE same_dim SET label = label || '!' WHERE k = 1");
      c.commit();
      c.setAutoCommit(true);

      refreshAndCheck(c, false);
      Jdbc.exec(c, "INSERT INTO same_src VALUES (2, 50)");
      refreshAndCheck(c, false);
      assertAllDifferential(c);
    }
  }

  @Test
  void randomTransactionsMixingWritesRefreshesAndSavepoints(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    Random random = new Random(seed);
    try (Connection c = db.connect()) {
      setUp(c);
      for (int round = 0; round < 20; round++) {
        String context = "seed " + seed + ", round " + round;
        c.setAutoCommit(false);
        boolean savepoint = false;
        int steps = 2 + random.nextInt(4);
        for (int step = 0; step < steps; step++) {
          switch (random.nextInt(6)) {
            case 0, 1, 2 -> Jdbc.exec(c, randomChange(random));
            case 3 -> refreshAndCheck(c, true, context);
            case 4 -> {
              Jdbc.exec(c, "SAVEPOINT sp");
              savepoint = true;
            }
            default -> {
              if (savepoint) {
                Jdbc.exec(c, "ROLLBACK TO SAVEPOINT sp");
                savepoint = false;
              } else {
                Jdbc.exec(c, randomChange(random));
              }
            }
          }
        }
        if (random.nextInt(5) == 0) {
          c.rollback();
        } else {
          c.commit();
        }
        c.setAutoCommit(true);
        if (random.nextBoolean()) {
          refreshAndCheck(c, false, context);
        }
      }
      refreshAndCheck(c, false, "seed " + seed + ", final");
      assertAllDifferential(c);
    }
  }

  private static void setUp(Connection c) throws Exception {
    for (String[] st : STREAM_TABLES) {
      if (Jdbc.scalar(c, "SELECT to_regclass('" + st[0] + "')") != null) {
        Ddl.run(c, Ddl.drop(false, st[0]));
      }
    }
    Jdbc.exec(c, "DROP TABLE IF EXISTS same_src, same_dim", "CREATE TABLE same_src (k int, v int)",
        "INSERT INTO same_src SELECT i % 4, i FROM generate_series(1, 40) i",
        "INSERT INTO same_src VALUES (NULL, 5), (2, NULL), (2, NULL)",
        "CREATE TABLE same_dim (k int PRIMARY KEY, label text)",
        "INSERT INTO same_dim SELECT i, 'd' || i FROM generate_series(0, 5) i");
    for (String[] st : STREAM_TABLES) {
      Ddl.run(c, Ddl.create(st[0], st[2], Ddl.opt("refresh_mode", "differential")));
    }
  }

  private static String randomChange(Random random) {
    int k = random.nextInt(6);
    return switch (random.nextInt(5)) {
      case 0 -> "INSERT INTO same_src VALUES (" + k + ", " + (random.nextInt(4) == 0 ? "NULL" : random.nextInt(20))
          + "), (" + k + ", " + random.nextInt(20) + ")";
      case 1 -> "DELETE FROM same_src WHERE ctid IN (SELECT ctid FROM same_src WHERE k IS NOT DISTINCT FROM "
          + k + " LIMIT 2)";
      case 2 -> "UPDATE same_src SET v = v + " + (1 + random.nextInt(5)) + " WHERE k = " + k;
      case 3 -> "UPDATE same_src SET k = " + random.nextInt(6) + " WHERE v % 7 = " + random.nextInt(7);
      default -> "UPDATE same_dim SET label = label || 'x' WHERE k = " + k;
    };
  }

  private static void refreshAndCheck(Connection c, boolean inTransaction) throws Exception {
    refreshAndCheck(c, inTransaction, "fixed script");
  }

  private static void refreshAndCheck(Connection c, boolean inTransaction, String context)
      throws Exception {
    for (String[] st : STREAM_TABLES) {
      Ddl.run(c, Ddl.refresh(st[0]));
      try {
        if (inTransaction) {
          MultisetOracle.assertSameRowsInCurrentTransaction(c, st[1], st[2]);
        } else {
          MultisetOracle.assertSameRows(c, st[1], st[2]);
        }
      } catch (AssertionError e) {
        throw new AssertionError(st[0] + " (" + context + "): " + e.getMessage(), e);
      }
    }
  }

  private static void assertAllDifferential(Connection c) throws Exception {
    for (String[] st : STREAM_TABLES) {
      assertEquals(0L, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h"
          + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + st[0] + "'"
          + " AND h.initiator <> 'create' AND h.executed_strategy <> 'differential'"),
          st[0] + " refreshed FULL at some point");
    }
  }
}
