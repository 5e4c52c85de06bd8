package io.pgtrickle.dvm.delta;

import static io.pgtrickle.dvm.delta.SourceTable.bag;
import static io.pgtrickle.dvm.delta.SourceTable.ints;
import static io.pgtrickle.dvm.delta.SourceTable.keyed;
import static io.pgtrickle.dvm.delta.SourceTable.numerics;
import static io.pgtrickle.dvm.delta.SourceTable.texts;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Scan, filter, project and UNION ALL rules against the oracle: Q(old) + ΔQ = Q(new). */
@PgTest
class LinearRulesOracleTest {

  private static DeltaOracle oracle(TestDatabase db) throws Exception {
    return new DeltaOracle(db).create(
        bag("b", ints("x", 4, 0.2), texts("s", 0.2, "a", "b", "c"), numerics("n", 5, 0.2)),
        keyed("k", "id", ints("x", 4, 0.2), texts("s", 0.2, "a", "b")))
        .fill(12);
  }

  @Test void scanOfABagWithDuplicatesAndNulls(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT x, s, n FROM b", 30, 6);
    }
  }

  @Test void scanOfAKeyedTableWithKeyUpdates(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT id, x FROM k", 30, 6);
    }
  }

  @Test void nullSensitiveFilters(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT x, s FROM b WHERE x IS NULL OR s <> 'a'", 20, 6);
      o.check("SELECT x, s FROM b WHERE NOT (x > 1)", 20, 6);
      o.check("SELECT x, s FROM b WHERE x IS DISTINCT FROM 2 AND n IS NOT NULL", 20, 6);
      o.check("SELECT id, s FROM k WHERE coalesce(x, 0) IN (0, 3)", 20, 6);
    }
  }

  @Test void projectionsWithCaseCoalesceAndCasts(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT CASE WHEN x IS NULL THEN 'none' WHEN x > 1 THEN 'big' ELSE s END AS c,"
          + " coalesce(n, -1) * 2 AS m, CAST(x AS text) || '!' AS t FROM b", 25, 6);
      o.check("SELECT x % 2 AS parity, upper(s) AS u FROM k WHERE id > 0", 25, 6);
    }
  }

  @Test void unionAllWithDuplicates(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db)) {
      o.check("SELECT x, s FROM b UNION ALL SELECT x, s FROM k UNION ALL SELECT x, s FROM b WHERE x = 1", 30, 6);
      o.check("SELECT x FROM b WHERE s = 'a' UNION ALL SELECT x + 1 AS x FROM b", 20, 6);
    }
  }
}
