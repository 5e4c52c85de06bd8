package io.pgtrickle.dvm.delta.rules.aggregate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cost follows the affected groups: with a two-row change on a 60 000-row source indexed on the
 * group keys, the root delta queries of the aggregate, DISTINCT and set-operation rules probe the
 * source through its index and never scan it whole.
 */
@PgTest
class AffectedGroupsOnlyTest {
  @BeforeAll
  static void data(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE big (id int PRIMARY KEY, g int, h text, x int)",
        "INSERT INTO big SELECT i, CASE WHEN i % 997 = 0 THEN NULL ELSE i % 6000 END, 'h' || (i % 3), i % 100"
            + " FROM generate_series(1, 60000) i",
        "CREATE INDEX big_g_h ON big (g, h)",
        "CREATE TABLE other (LIKE big)",
        "INSERT INTO other SELECT * FROM big WHERE id % 2 = 0",
        "CREATE INDEX other_g_h ON other (g, h)",
        "CREATE TABLE chg_big (LIKE big, __pgt_w int)",
        "INSERT INTO chg_big VALUES (7, 7, 'h1', 1, -1), (7, 8, 'h1', 1, 1), (60001, NULL, 'h2', 5, 1)",
        "CREATE TABLE chg_other (LIKE big, __pgt_w int)",
        "ANALYZE big", "ANALYZE other", "ANALYZE chg_big", "ANALYZE chg_other");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT g, h, count(*) AS n, sum(x) AS sx, max(x) AS mx FROM big GROUP BY g, h",
      "SELECT g, string_agg(h, ',' ORDER BY h) AS hs FROM big GROUP BY g",
      "SELECT DISTINCT g, h FROM big",
      "SELECT g, h FROM big INTERSECT ALL SELECT g, h FROM other",
      "SELECT g, h FROM big EXCEPT SELECT g, h FROM other",
      "SELECT g, h FROM big UNION SELECT g, h FROM other",
  })
  void noFullScanOfTheSources(String query, TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS st");
      DeltaPlan delta = delta(c, query);
      st.execute("CREATE TABLE st AS " + (delta.stateQuery() != null ? delta.stateQuery() : query));
      st.execute("ANALYZE st");
      String plan = explain(st, delta.deltaQuery());
      assertFalse(plan.contains("Seq Scan on big"), plan);
      assertFalse(plan.contains("Seq Scan on other"), plan);
      assertTrue(plan.contains("big_g_h"), plan);
    }
  }

  private static DeltaPlan delta(Connection c, String query) throws Exception {
    AnalysisResult r = new QueryAnalyzer().analyze(query, new JdbcCatalogReader(c));
    assertTrue(r.isSupported(), r.toString());
    return new Differentiator().differentiate((AnalysisResult.Supported) r, "\"public\".\"st\"", new SourceBindings() {
      @Override public String changes(Scan scan) {
        return "(SELECT " + String.join(", ", scan.columnNames().stream().map(n -> '"' + n + '"').toList())
            + ", __pgt_w FROM chg_" + scan.relation().name() + ")";
      }

      @Override public String current(Scan scan) {
        return scan.relation().qualifiedName();
      }
    });
  }

  private static String explain(Statement st, String sql) throws Exception {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out + "\n" + sql;
  }
}
