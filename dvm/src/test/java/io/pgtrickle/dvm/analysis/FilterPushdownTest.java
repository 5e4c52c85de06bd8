package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** WHERE conjuncts of comma joins become join conditions; sub-query conjuncts stay above the joins. */
class FilterPushdownTest {

  @Test
  void commaJoinBecomesAnEquiJoinWithTheSingleTableFilterAtTheScan() {
    assertEquals("""
        Project $3, $0
          Join INNER ($3 = $1)
            Filter ($2 = 'x')
              Scan "public"."orders" (oid 16385) [id, customer_id, status]
            Scan "public"."customers" (oid 16386) [id]
        """, QueryAnalyzerTest.tree("SELECT c.id, o.id FROM orders o, customers c"
            + " WHERE c.id = o.customer_id AND o.status = 'x'"));
  }

  @Test
  void correlatedSubqueryConjunctStaysAboveTheJoinItReads() {
    assertEquals("""
        Project $0
          SemiJoin (($6 = $4) AND ($7 > $2))
            Join INNER ($4 = $1)
              Filter ($3 = 'x')
                Scan "public"."orders" (oid 16385) [id, customer_id, amount, status]
              Scan "public"."customers" (oid 16386) [id]
            Scan "public"."orders" (oid 16385) [id, customer_id, amount, status, created, ts, note, qty]
        """, QueryAnalyzerTest.tree("SELECT o.id FROM orders o, customers c WHERE c.id = o.customer_id"
            + " AND o.status = 'x' AND EXISTS (SELECT 1 FROM orders o2 WHERE o2.customer_id = c.id"
            + " AND o2.amount > o.amount)"));
  }

  @Test
  void filterAboveAnOuterJoinOnTheNullableSideStaysAbove() {
    assertEquals("""
        Aggregate group=[0] count(*)
          Project $1
            Filter ($3 IS NULL)
              Join LEFT ($2 = $0)
                Scan "public"."customers" (oid 16386) [id, region]
                Scan "public"."orders" (oid 16385) [customer_id, status]
        """, QueryAnalyzerTest.tree("SELECT c.region, count(*) FROM customers c LEFT JOIN orders o"
            + " ON o.customer_id = c.id WHERE o.status IS NULL GROUP BY c.region"));
  }
}
