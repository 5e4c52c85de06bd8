package io.pgtrickle.dvm.delta;

import static io.pgtrickle.dvm.delta.SourceTable.bag;
import static io.pgtrickle.dvm.delta.SourceTable.ints;
import static io.pgtrickle.dvm.delta.SourceTable.keyed;
import static io.pgtrickle.dvm.delta.SourceTable.texts;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * EXISTS / IN (semi-join) and NOT EXISTS / NOT IN (anti-join) against the oracle, with duplicates
 * on both sides and NULLs on both sides of NOT IN.
 */
@PgTest
class SemiAntiJoinRulesOracleTest {

  private static DeltaOracle oracle(TestDatabase db) throws Exception {
    return new DeltaOracle(db).create(
        bag("l", ints("k", 5, 0.15), ints("j", 3, 0.15), texts("s", 0.1, "x", "y")),
        bag("r", ints("k", 5, 0.15), ints("j", 3, 0.15)),
        keyed("p", "id", ints("k", 5, 0.1), ints("j", 3, 0.1)))
        .fill(6);
  }

  @Test void existsCorrelated(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT l.k, l.s FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k)", 40, 6);
      o.check("SELECT l.k, l.s FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k AND r.j > l.j) AND l.s = 'x'", 30, 6);
    }
  }

  @Test void inSubquery(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT l.k, l.j FROM l WHERE l.k IN (SELECT r.k FROM r WHERE r.j IS NOT NULL)", 40, 6);
      o.check("SELECT p.id FROM p WHERE (p.k, p.j) IN (SELECT r.k, r.j FROM r)", 30, 6);
    }
  }

  @Test void notExistsCorrelated(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT l.k, l.s FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.k = l.k)", 40, 6);
      o.check("SELECT p.id, p.k FROM p WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.k = p.k AND r.j = p.j)", 30, 6);
    }
  }

  @Test void notInWithNullsOnBothSides(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT l.k, l.s FROM l WHERE l.k NOT IN (SELECT r.k FROM r)", 40, 6);
      o.check("SELECT l.k, l.j FROM l WHERE (l.k, l.j) NOT IN (SELECT r.k, r.j FROM r)", 40, 6);
    }
  }

  @Test void notInEdgeCases(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.execute("DELETE FROM l", "DELETE FROM r", "INSERT INTO l VALUES (1, 1, 'x'), (1, 1, 'x'), (NULL, 1, 'y'), (2, NULL, 'x')");
      String q = "SELECT l.k, l.s FROM l WHERE l.k NOT IN (SELECT r.k FROM r)";
      o.checkAfter(q, "INSERT INTO r VALUES (3, 0)");
      o.checkAfter(q, "INSERT INTO r VALUES (NULL, 0)");
      o.checkAfter(q, "DELETE FROM r WHERE k IS NULL");
      o.checkAfter(q, "DELETE FROM r");
      o.checkAfter(q, "INSERT INTO r VALUES (NULL, 1)", "INSERT INTO l VALUES (NULL, 2, 'z')");
      o.checkAfter(q, "UPDATE r SET k = 1", "INSERT INTO l VALUES (5, 5, 'z')");
      o.checkAfter(q, "DELETE FROM r");
    }
  }

  @Test void semiAndAntiOverJoinsAndSelfReference(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT l.s, p.id FROM l JOIN p ON p.k = l.k WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.j = p.j)"
          + " AND EXISTS (SELECT 1 FROM r WHERE r.k = l.k)", 30, 8);
      o.check("SELECT x.k, x.s FROM l AS x WHERE x.j NOT IN (SELECT y.k FROM l AS y WHERE y.s = 'y')", 30, 6);
    }
  }
}
