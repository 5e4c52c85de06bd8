package io.pgtrickle.dvm.delta.rules.setop;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UNION, INTERSECT [ALL], EXCEPT [ALL] end to end, with duplicates and NULLs in both inputs. */
@PgTest
class SetOpDeltaRuleTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT g, h FROM t UNION SELECT g, h FROM u",
      "SELECT g, h FROM t INTERSECT SELECT g, h FROM u",
      "SELECT g, h FROM t INTERSECT ALL SELECT g, h FROM u",
      "SELECT g, h FROM t EXCEPT SELECT g, h FROM u",
      "SELECT g, h FROM t EXCEPT ALL SELECT g, h FROM u",
      "SELECT h FROM t EXCEPT ALL SELECT h FROM u WHERE x > 0",
      "SELECT g FROM t UNION SELECT x FROM u UNION SELECT g + 1 FROM u",
      "SELECT g, h FROM t INTERSECT ALL SELECT g, h FROM u INTERSECT ALL SELECT g, s FROM t",
      "SELECT g, h FROM t EXCEPT ALL SELECT g, h FROM u EXCEPT ALL SELECT g, s FROM u",
      "SELECT z.g, count(*) AS n FROM (SELECT g, h FROM t INTERSECT ALL SELECT g, h FROM u) z GROUP BY z.g",
      "SELECT q.h FROM (SELECT g, h FROM t EXCEPT SELECT g, h FROM u) q WHERE q.g IS DISTINCT FROM 3",
  })
  void storedPlusDeltaIsTheQuery(String query, TestDatabase db) throws Exception {
    new DeltaCycles(db, query, Long.getLong("pgt.seed", 0x5eedL) ^ query.hashCode()).run(25);
  }
}
