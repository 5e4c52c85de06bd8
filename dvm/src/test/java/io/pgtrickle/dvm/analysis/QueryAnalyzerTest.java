package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import io.pgtrickle.dvm.plan.AntiJoin;
import io.pgtrickle.dvm.plan.PlanPrinter;
import io.pgtrickle.dvm.plan.Scan;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query → operator tree, for every construct the front end accepts. No database needed. */
class QueryAnalyzerTest {
  private static final InMemoryCatalog SHOP = TestCatalogs.shop();
  private static final QueryAnalyzer ANALYZER = new QueryAnalyzer();

  static AnalysisResult.Supported supported(String sql) {
    AnalysisResult r = ANALYZER.analyze(sql, SHOP);
    if (r instanceof AnalysisResult.Unsupported u) {
      fail("expected supported, got: " + u.reason());
    }
    return (AnalysisResult.Supported) r;
  }

  static String tree(String sql) {
    return PlanPrinter.print(supported(sql).root());
  }

  @Test void scanFilterProject() {
    assertEquals("""
        Project $0, ($1 * 2)
          Filter (($2 = 'x') AND ($1 > 10.00))
            Scan "public"."orders" (oid 16385) [id, amount, status]
        """, tree("SELECT o.id, o.amount * 2 AS dbl FROM orders o WHERE o.status = 'x' AND o.amount > 10"));
  }

  @Test void scanListsOnlyReferencedColumns() {
    Scan scan = (Scan) supported("SELECT status, id FROM orders").root();
    assertEquals(16385, scan.relationOid());
    assertEquals("[status, id]", scan.columnNames().toString());
  }

  @Test void infixCastPrecedenceSurvivesValidation() {
    assertEquals("""
        Project $0
          Filter ($0 = CAST($1 AS INTEGER))
            Scan "public"."orders" (oid 16385) [id, customer_id]
        """, tree("SELECT id FROM orders WHERE id = customer_id::int"));
  }

  @Test void joinsOfEveryKind() {
    for (String kind : new String[] {"INNER", "LEFT", "RIGHT", "FULL"}) {
      String t = tree("SELECT o.id, c.name FROM orders o " + kind + " JOIN customers c ON c.id = o.customer_id");
      assertTrue(t.contains("Join " + kind + " ($2 = $1)"), t);
    }
  }

  @Test void aggregateWithFilterAndDistinct() {
    assertEquals("""
        Aggregate group=[0] sum($1), count(*), avg($2), count(DISTINCT $3), sum($1) FILTER (WHERE $4)
          Project $5, $1, $3, $2, (($2 = 'paid') IS TRUE)
            Join INNER ($4 = $0)
              Scan "public"."orders" (oid 16385) [customer_id, amount, status, qty]
              Scan "public"."customers" (oid 16386) [id, region]
        """, tree("SELECT c.region, sum(o.amount), count(*), avg(o.qty), count(DISTINCT o.status),"
        + " sum(o.amount) FILTER (WHERE o.status = 'paid') FROM orders o JOIN customers c ON c.id = o.customer_id"
        + " GROUP BY c.region"));
  }

  @Test void aggregateOutputTypesFollowPostgres() {
    var cols = supported("SELECT sum(customer_id), sum(qty), avg(customer_id), count(*) FROM orders").outputColumns();
    assertEquals("BIGINT", cols.get(0).type().getSqlTypeName().name());
    assertEquals("DECIMAL", cols.get(1).type().getSqlTypeName().name());
    assertEquals("DECIMAL", cols.get(2).type().getSqlTypeName().name());
    assertEquals("BIGINT", cols.get(3).type().getSqlTypeName().name());
  }

  @Test void havingIsAFilterOverTheAggregate() {
    assertEquals("""
        Filter ($1 > 2)
          Aggregate group=[0] count(*)
            Scan "public"."orders" (oid 16385) [status]
        """, tree("SELECT status, count(*) FROM orders GROUP BY status HAVING count(*) > 2"));
  }

  @Test void distinct() {
    assertEquals("""
        Distinct
          Scan "public"."orders" (oid 16385) [status]
        """, tree("SELECT DISTINCT status FROM orders"));
  }

  @Test void setOperations() {
    assertTrue(tree("SELECT status FROM orders UNION SELECT region FROM customers").startsWith("SetOp UNION\n"));
    assertTrue(tree("SELECT status FROM orders UNION ALL SELECT region FROM customers").startsWith("SetOp UNION ALL\n"));
    assertTrue(tree("SELECT status FROM orders INTERSECT ALL SELECT region FROM customers").startsWith("SetOp INTERSECT ALL\n"));
    assertTrue(tree("SELECT status FROM orders EXCEPT SELECT region FROM customers").startsWith("SetOp EXCEPT\n"));
  }

  @Test void subqueryInFromAndNonRecursiveCte() {
    assertEquals("""
        Project $0
          Filter ($1 > 1)
            Aggregate group=[0] count(*)
              Scan "public"."orders" (oid 16385) [status]
        """, tree("SELECT x.s FROM (SELECT status AS s, count(*) AS n FROM orders GROUP BY status) x WHERE x.n > 1"));
    assertEquals("""
        Aggregate group=[] count(*)
          Filter ($0 > 100.00)
            Scan "public"."orders" (oid 16385) [amount]
        """, tree("WITH big AS (SELECT * FROM orders WHERE amount > 100) SELECT count(*) FROM big"));
  }

  @Test void correlatedExistsBecomesSemiJoin() {
    assertEquals("""
        Project $0
          SemiJoin ($2 = $1)
            Scan "public"."orders" (oid 16385) [id, customer_id]
            Filter ($2 = 'EU')
              Scan "public"."customers" (oid 16386) [id, name, region]
        """, tree("SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.region = 'EU')"));
  }

  @Test void notExistsBecomesAntiJoin() {
    assertEquals("""
        Project $0
          AntiJoin NOT_EXISTS ($2 = $1)
            Scan "public"."orders" (oid 16385) [id, customer_id]
            Scan "public"."customers" (oid 16386) [id, name, region]
        """, tree("SELECT id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)"));
  }

  @Test void inBecomesSemiJoinAndNotInKeepsItsNullSemantics() {
    assertTrue(tree("SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE region = 'EU')")
        .contains("SemiJoin ($1 = $2)"));
    var root = supported("SELECT id FROM orders WHERE customer_id NOT IN (SELECT id FROM customers)").root();
    AntiJoin anti = (AntiJoin) root.inputs().get(0);
    assertEquals(AntiJoin.Semantics.NOT_IN, anti.semantics());
  }

  @Test void uncorrelatedScalarSubqueryBecomesALeftJoinOnTrue() {
    assertEquals("""
        Project $0
          Project $0, $1
            Filter (CAST($1 AS NUMERIC) > $2)
              Join LEFT TRUE
                Scan "public"."orders" (oid 16385) [id, amount]
                Aggregate group=[] avg($0)
                  Scan "public"."orders" (oid 16385) [amount]
        """, tree("SELECT id FROM orders WHERE amount > (SELECT avg(amount) FROM orders)"));
  }

  @Test void postgresExpressions() {
    String t = tree("SELECT upper(status), COALESCE(note, 'none'), NULLIF(qty, 0),"
        + " CASE WHEN amount > 10 THEN 'big' ELSE 'small' END, greatest(qty, 1)"
        + " FROM orders WHERE status ILIKE 'p%' AND note IS DISTINCT FROM status");
    assertTrue(t.contains("UPPER($1)"), t);
    assertTrue(t.contains("GREATEST($3, 1)"), t);
    assertTrue(t.contains("ILIKE 'p%'"), t);
    assertTrue(t.contains("($2 IS NOT NULL) OR ($1 IS NOT NULL)") && t.contains("(($2 = $1) IS NOT TRUE)"), t);
  }

  @Test void vectorOperatorsAndCastsKeepTheirNames() {
    assertEquals("""
        Project $0, ($1 <-> CAST('[1,2,3]' AS "vector")), ($1 <=> CAST('[1,1,1]' AS "vector"))
          Scan "public"."items" (oid 16387) [id, embedding]
        """, tree("SELECT id, embedding <-> '[1,2,3]'::vector AS d, embedding <=> '[1,1,1]'::vector FROM items"));
    assertTrue(tree("SELECT avg(embedding) FROM items").startsWith("Aggregate group=[] avg($0)"));
  }

  @Test void jsonbOperators() {
    assertTrue(tree("SELECT (attrs->>'size')::int, attrs @> '{\"a\":1}'::jsonb FROM items")
        .contains("CAST(($0 ->> 'size') AS INTEGER), ($0 @> CAST('{\"a\":1}' AS \"jsonb\"))"));
  }

  @Test void quotedMixedCaseIdentifiers() {
    assertEquals("Scan \"app\".\"UserAccounts\" (oid 16388) [Email]\n", tree("SELECT \"Email\" FROM app.\"UserAccounts\""));
  }

  @Test void caseInsensitiveFunctionNames() {
    assertTrue(tree("SELECT LENGTH(status), Upper(status), length(status) FROM orders").contains("UPPER($0)"));
  }

  @Test void stableFunctionsAreFine() {
    assertTrue(tree("SELECT id, now() FROM orders").contains("NOW()"));
  }

  @Test void catalogFunctionsResolve() {
    assertTrue(tree("SELECT my_func(id) FROM orders").contains("($0)"));
  }

  @Test void sourceOids() {
    assertEquals(Set.of(16385L, 16386L),
        supported("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id").sourceOids());
  }
}
