package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * A transaction that changes a source, refreshes a differential stream table, and changes the source
 * again: the refresh shows the first changes at once, and no later refresh (in the transaction or
 * after it commits) misses the second ones. Such a refresh stores no frontier, so the next one
 * recomputes FULL; after that the stream table is differential again.
 */
@PgTest
class SameTransactionRefreshTest {

  @Test
  void changesAfterARefreshInTheSameTransactionAreNotMissed(TestDatabase db) throws Exception {
    String query = "SELECT k, count(*) AS n, sum(v) AS s FROM same_src GROUP BY k";
    String bag = "SELECT k, v FROM same_src WHERE v > 2";
    try (Connection c = db.connect()) {
      Db.exec(c, "CREATE TABLE same_src (k int, v int)",
          "INSERT INTO same_src SELECT i % 4, i FROM generate_series(1, 40) i");
      Ddl.run(c, Ddl.create("same_agg", query, Ddl.opt("refresh_mode", "differential")));
      Ddl.run(c, Ddl.create("same_bag", bag, Ddl.opt("refresh_mode", "differential")));

      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO same_src VALUES (1, 100), (9, NULL)", "DELETE FROM same_src WHERE v = 7");
      refreshBoth(c);
      MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT k, n, s FROM same_agg", query);
      MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT k, v FROM same_bag", bag);
      Db.exec(c, "UPDATE same_src SET v = v + 1 WHERE k = 2", "INSERT INTO same_src VALUES (3, 3), (3, 3)");
      refreshBoth(c);
      MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT k, n, s FROM same_agg", query);
      MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT k, v FROM same_bag", bag);
      Db.exec(c, "DELETE FROM same_src WHERE k = 0", "UPDATE same_src SET k = 5 WHERE v = 3");
      c.commit();
      c.setAutoCommit(true);

      refreshBoth(c);
      MultisetOracle.assertSameRows(c, "SELECT k, n, s FROM same_agg", query);
      MultisetOracle.assertSameRows(c, "SELECT k, v FROM same_bag", bag);
      assertEquals("full", RandomizedDifferentialTest.lastStrategy(c, "same_agg"));

      Db.exec(c, "INSERT INTO same_src VALUES (2, 50)");
      refreshBoth(c);
      MultisetOracle.assertSameRows(c, "SELECT k, n, s FROM same_agg", query);
      MultisetOracle.assertSameRows(c, "SELECT k, v FROM same_bag", bag);
      assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "same_agg"));
      assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "same_bag"));
    }
  }

  private static void refreshBoth(Connection c) throws Exception {
    Ddl.run(c, Ddl.refresh("same_agg"));
    Ddl.run(c, Ddl.refresh("same_bag"));
  }
}
