package io.pgtrickle.dvm.delta.rules.distinct;

import io.pgtrickle.dvm.delta.rules.setop.DeltaCycles;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DISTINCT rule end to end, root (presence against the stored result) and not (counting). */
@PgTest
class DistinctDeltaRuleTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT DISTINCT g, h FROM t",
      "SELECT DISTINCT h FROM t WHERE x > 0",
      "SELECT DISTINCT g, h, b FROM t",
      "SELECT d.g, d.h FROM (SELECT DISTINCT g, h FROM t) d WHERE d.h IS NOT NULL OR d.g > 2",
      "SELECT d.h, u.id FROM (SELECT DISTINCT g, h FROM t) d JOIN u ON u.g = d.g",
  })
  void storedPlusDeltaIsTheQuery(String query, TestDatabase db) throws Exception {
    new DeltaCycles(db, query, Long.getLong("pgt.seed", 0x5eedL) ^ query.hashCode()).run(25);
  }
}
