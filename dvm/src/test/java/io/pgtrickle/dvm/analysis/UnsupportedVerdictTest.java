package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.TestCatalogs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal names its construct precisely; the engine shows it to the user. */
class UnsupportedVerdictTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY id) FROM orders | window function row_number()
      SELECT id, sum(amount) OVER () FROM orders                                       | window function sum()
      SELECT id FROM orders ORDER BY id LIMIT 10                                       | ORDER BY … LIMIT
      SELECT id FROM orders LIMIT 10                                                   | LIMIT
      SELECT id FROM orders OFFSET 5                                                   | OFFSET
      SELECT o.id, x.name FROM orders o CROSS JOIN LATERAL (SELECT name FROM customers c WHERE c.id = o.customer_id LIMIT 1) x | LATERAL
      WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r | recursive CTE
      SELECT id, random() FROM orders                                                  | volatile function random()
      SELECT id FROM orders WHERE my_volatile(id) > 1                                  | volatile function my_volatile()
      SELECT nextval('s') FROM orders                                                  | volatile function nextval()
      SELECT generate_series(1, id) FROM orders                                        | set-returning function generate_series()
      SELECT id, (SELECT max(amount) FROM orders) FROM customers                       | scalar subquery in the select list
      SELECT id FROM orders o WHERE qty > (SELECT count(*) FROM orders i WHERE i.customer_id = o.customer_id) | correlated scalar subquery (only an aggregate other than count, correlated by equalities in its WHERE, is maintained)
      SELECT id FROM orders WHERE customer_id = (SELECT id FROM customers)             | scalar subquery that may return more than one row
      SELECT id FROM orders WHERE id = 1 OR EXISTS (SELECT 1 FROM customers)           | EXISTS inside OR or another expression
      SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers c WHERE c.region = orders.status) | correlated IN (subquery)
      SELECT id FROM orders WHERE amount > ALL (SELECT amount FROM orders)             | quantified comparison with a subquery (ANY/SOME/ALL)
      SELECT status, count(*) FROM orders GROUP BY ROLLUP(status)                      | GROUPING SETS, ROLLUP or CUBE
      SELECT 1                                                                         | VALUES list or SELECT without FROM
      """)
  void namesTheConstruct(String sql, String reason) {
    AnalysisResult r = new QueryAnalyzer().analyze(sql, TestCatalogs.shop());
    assertEquals(new AnalysisResult.Unsupported(reason), r);
  }

  @org.junit.jupiter.api.Test
  void viewsAsSourcesAreNamed() {
    var catalog = io.pgtrickle.dvm.catalog.InMemoryCatalog.builder()
        .table("public", "v").column("a", io.pgtrickle.dvm.catalog.PgBuiltinTypes.INT4)
        .kind(io.pgtrickle.dvm.catalog.PgRelation.RelationKind.VIEW).add().build();
    assertEquals(new AnalysisResult.Unsupported(
        "source \"public\".\"v\" is a view (changes are captured from tables only)"),
        new QueryAnalyzer().analyze("SELECT a FROM v", catalog));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      SELECT FROM WHERE                      | syntax the analyzer does not understand
      SELECT id FROM no_such_table           | analysis failed: From line 1, column 16 to line 1, column 28: Object 'no_such_table' not found
      SELECT no_such_column FROM orders      | analysis failed: From line 1, column 8 to line 1, column 21: Column 'no_such_column' not found in any table
      """)
  void parseAndValidationErrorsAreVerdictsToo(String sql, String reasonPrefix) {
    AnalysisResult r = new QueryAnalyzer().analyze(sql, TestCatalogs.shop());
    assertTrue(((AnalysisResult.Unsupported) r).reason().startsWith(reasonPrefix), r.toString());
  }
}
