package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.rules.setop.DeltaCycles;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aggregate rule end to end through the differentiator: randomised refresh cycles (NULL keys,
 * duplicates, rows moving between groups, extremes leaving, groups and the whole table emptied);
 * after every cycle the stored result plus the delta equals the query on the new state.
 */
@PgTest
class AggregateDeltaRuleTest {
  static final int CYCLES = 25;

  static long seed(String query) {
    return Long.getLong("pgt.seed", 0x5eedL) ^ query.hashCode();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // root aggregates (group rescan against the stored result)
      "SELECT g, count(*) AS n, count(x) AS nx, sum(x) AS sx, avg(y) AS ay, min(x) AS mn, max(s) AS mx FROM t GROUP BY g",
      "SELECT g, h, string_agg(s, ',' ORDER BY s DESC, id) AS sa, array_agg(x ORDER BY id) AS ax, bool_and(b) AS ba,"
          + " count(DISTINCT x) AS cdx FROM t GROUP BY g, h",
      "SELECT h, sum(x) FILTER (WHERE b) AS sf, count(*) FILTER (WHERE x > 5) AS cf, max(y) FILTER (WHERE s <> 's1') AS mf"
          + " FROM t GROUP BY h",
      "SELECT count(*) AS n, sum(x) AS sx, max(s) AS mx, avg(y) AS ay, bool_or(b) AS bo FROM t",
      "SELECT count(*) AS n FROM t WHERE x > 100",
      "SELECT g, sum(DISTINCT x) AS sdx, min(y) AS mn, max(y) AS mx FROM t WHERE b IS NOT FALSE GROUP BY g",
      // non-root aggregates (old rows from the input's before-state)
      "SELECT g, sum(x) AS sx FROM t GROUP BY g HAVING count(*) > 2",
      "SELECT sx, g FROM (SELECT g, sum(x) AS sx FROM t GROUP BY g) a",
      "SELECT a.g, a.n, u.s FROM (SELECT g, count(*) AS n FROM t GROUP BY g) a JOIN u ON u.g = a.g",
      "SELECT n + 1 AS n1 FROM (SELECT count(*) AS n, sum(x) AS sx FROM t) a",
      // a non-root string_agg: Calcite calls it listagg; the framework must render PostgreSQL's name
      "SELECT a.g, a.sa, u.s FROM (SELECT g, string_agg(s, ',' ORDER BY s, id) AS sa FROM t GROUP BY g) a"
          + " JOIN u ON u.g = a.g",
  })
  void storedPlusDeltaIsTheQuery(String query, TestDatabase db) throws Exception {
    new DeltaCycles(db, query, seed(query)).run(CYCLES);
  }
}
