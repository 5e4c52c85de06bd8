package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.dvm.TestCatalogs;
import org.junit.jupiter.api.Test;

/**
 * Correlated scalar sub-queries over an aggregate become a grouped sub-query LEFT JOINed on the
 * correlation keys (TPC-H Q17, Q20); shapes where the LEFT JOIN's NULL is not the sub-query's value stay
 * refused.
 */
class CorrelatedScalarLoweringTest {

  @Test
  void aggregateCorrelatedByEqualityBecomesAGroupedLeftJoin() {
    assertEquals("""
        Project $0
          Project $0, $1, $2
            Filter (CAST($2 AS NUMERIC) > $4)
              Join LEFT ($1 = $3)
                Scan "public"."orders" (oid 16385) [id, customer_id, amount]
                Project $0, (0.5 * $1)
                  Aggregate group=[1] avg($0)
                    Project $2, $1
                      Filter ($3 = 'x')
                        Scan "public"."orders" (oid 16385) [id, customer_id, amount, status, created, ts, note, qty]
        """, QueryAnalyzerTest.tree("SELECT o.id FROM orders o WHERE o.amount > (SELECT 0.5 * avg(o2.amount)"
            + " FROM orders o2 WHERE o2.customer_id = o.customer_id AND o2.status = 'x')"));
  }

  @Test
  void countAndNonStrictExpressionsAreRefused() {
    for (String sql : new String[] {
        "SELECT c.id FROM customers c WHERE c.id < (SELECT count(*) FROM orders o WHERE o.customer_id = c.id)",
        "SELECT c.id FROM customers c WHERE 5 < (SELECT coalesce(sum(o.qty), 0) FROM orders o"
            + " WHERE o.customer_id = c.id)",
        "SELECT c.id FROM customers c WHERE 5 < (SELECT sum(o.qty) FROM orders o WHERE o.customer_id > c.id)"}) {
      AnalysisResult r = new QueryAnalyzer().analyze(sql, TestCatalogs.shop());
      assertEquals(new AnalysisResult.Unsupported("correlated scalar subquery (only an aggregate other than"
          + " count, correlated by equalities in its WHERE, is maintained)"), r, sql);
    }
  }
}
