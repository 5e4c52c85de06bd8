package io.pgtrickle.dvm.delta;

import static io.pgtrickle.dvm.delta.SourceTable.bag;
import static io.pgtrickle.dvm.delta.SourceTable.ints;
import static io.pgtrickle.dvm.delta.SourceTable.keyed;
import static io.pgtrickle.dvm.delta.SourceTable.texts;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Inner, outer and multi-way joins against the oracle, with duplicate rows on both sides, NULL join
 * keys, key updates and deletes of join partners in the same window.
 */
@PgTest
class JoinRulesOracleTest {

  private static DeltaOracle oracle(TestDatabase db) throws Exception {
    return new DeltaOracle(db).create(
        bag("a", ints("k", 4, 0.15), texts("s", 0.1, "x", "y")),
        bag("b", ints("k", 4, 0.15), ints("v", 3, 0.1)),
        keyed("c", "id", ints("k", 4, 0.15), texts("t", 0.2, "p", "q")),
        keyed("d", "id", ints("cid", 6, 0.1), ints("v", 3, 0.2)),
        bag("e", ints("v", 3, 0.2), texts("s", 0.2, "x", "z")))
        .fill(8);
  }

  @Test void innerJoinOfBagsWithDuplicatesAndNullKeys(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT a.k, a.s, b.v FROM a JOIN b ON a.k = b.k", 30, 6);
      o.check("SELECT a.s, b.v FROM a JOIN b ON a.k < b.k AND b.v IS NOT NULL", 20, 6);
    }
  }

  @Test void innerJoinOfKeyedTablesWithKeyUpdates(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT c.id, c.t, d.id AS did, d.v FROM c JOIN d ON d.cid = c.id", 30, 6);
    }
  }

  @Test void selfJoin(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT x.s AS s1, y.s AS s2, x.k FROM a AS x JOIN a AS y ON x.k = y.k", 30, 6);
      o.check("SELECT x.id AS i1, y.id AS i2 FROM c AS x JOIN c AS y ON x.k = y.k AND x.id < y.id", 20, 6);
    }
  }

  @Test void leftJoin(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT a.k, a.s, b.v FROM a LEFT JOIN b ON a.k = b.k", 40, 6);
      o.check("SELECT c.id, d.v FROM c LEFT JOIN d ON d.cid = c.id AND d.v > 0", 30, 6);
    }
  }

  @Test void rightJoin(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT a.s, b.k, b.v FROM a RIGHT JOIN b ON a.k = b.k", 40, 6);
    }
  }

  @Test void fullJoin(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT a.k AS ak, a.s, b.k AS bk, b.v FROM a FULL JOIN b ON a.k = b.k", 40, 6);
      o.check("SELECT e.s AS es, b.v AS bv FROM e FULL JOIN b ON e.v = b.v AND b.k IS NOT NULL", 30, 6);
    }
  }

  @Test void multiWayMixedJoins(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT a.s, b.v, c.t FROM a JOIN b ON a.k = b.k JOIN c ON c.k = b.k", 30, 8);
      o.check("SELECT a.s, b.v, c.t, d.v AS dv FROM a LEFT JOIN b ON a.k = b.k JOIN c ON c.k = a.k"
          + " LEFT JOIN d ON d.cid = c.id", 30, 8);
      o.check("SELECT a.s, b.v, c.t, d.v AS dv, e.s AS es FROM a FULL JOIN b ON a.k = b.k"
          + " RIGHT JOIN c ON c.k = b.k LEFT JOIN d ON d.cid = c.id JOIN e ON e.v = d.v", 30, 8);
    }
  }

  @Test void keyUpdateWhileDeletingThePartnerRow(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.execute("INSERT INTO c VALUES (1, 1, 'p'), (2, 2, 'q')", "INSERT INTO d VALUES (10, 1, 1), (11, 2, 2), (12, 2, 0)");
      String inner = "SELECT c.id, c.t, d.id AS did, d.v FROM c JOIN d ON d.cid = c.id";
      o.checkAfter(inner, "UPDATE d SET cid = 2 WHERE id = 10", "DELETE FROM c WHERE id = 2");
      o.checkAfter(inner, "UPDATE c SET id = 3 WHERE id = 1", "UPDATE d SET cid = 3 WHERE cid = 1", "DELETE FROM d WHERE id = 12");
      String left = "SELECT c.id, d.id AS did FROM c LEFT JOIN d ON d.cid = c.id";
      o.checkAfter(left, "INSERT INTO c VALUES (4, 4, 'p')", "UPDATE d SET cid = 4 WHERE id = 11", "DELETE FROM c WHERE id = 3");
      o.checkAfter(left, "DELETE FROM d WHERE cid = 4", "INSERT INTO d VALUES (13, 4, 1)", "UPDATE d SET cid = NULL WHERE id = 13");
      String full = "SELECT c.id, d.id AS did FROM c FULL JOIN d ON d.cid = c.id";
      o.checkAfter(full, "UPDATE d SET cid = 4 WHERE id = 13", "DELETE FROM c WHERE id = 4", "INSERT INTO c VALUES (5, NULL, NULL)");
    }
  }
}
