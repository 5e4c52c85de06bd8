package io.pgtrickle.dvm.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan, filter and project rules end to end: for a change batch captured as a weighted change
 * table, {@code Q(old) ⊎ Δ = Q(new)} as multisets, where Δ is what the emitted SQL returns.
 */
@PgTest
class LinearDeltaRulesTest {

  @BeforeEach
  void tables(TestDatabase db) throws Exception {
    db.execute("DROP TABLE IF EXISTS src, chg",
        "CREATE TABLE src (id int PRIMARY KEY, a int, b text, n numeric(10,2))",
        "INSERT INTO src SELECT i, i % 20, CASE WHEN i % 7 = 0 THEN NULL ELSE 'x' || (i % 5) END,"
            + " CASE WHEN i % 11 = 0 THEN NULL ELSE i * 1.25 END FROM generate_series(1, 60) i",
        "CREATE TABLE chg (id int, a int, b text, n numeric(10,2), __pgt_w int NOT NULL)");
  }

  /** Updates, deletes and inserts on src; old images into chg with -1, new images with +1. */
  private static void changeBatch(Statement st) throws Exception {
    st.execute("INSERT INTO chg SELECT *, -1 FROM src WHERE id % 6 = 0 OR id % 13 = 0");
    st.execute("DELETE FROM src WHERE id % 13 = 0");
    st.execute("UPDATE src SET a = a + 3, b = COALESCE(b, 'y') || '!', n = NULL WHERE id % 6 = 0");
    st.execute("INSERT INTO src SELECT i, i % 9, 'x' || (i % 3), i FROM generate_series(61, 75) i");
    st.execute("INSERT INTO chg SELECT *, 1 FROM src WHERE id % 6 = 0 OR id > 60");
  }

  private static Multiset<String> rows(Statement st, String sql, boolean weighted) throws Exception {
    Multiset<String> out = HashMultiset.create();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount() - (weighted ? 1 : 0);
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(rs.getString(i)).append('|');
        }
        int w = weighted ? rs.getInt(n + 1) : 1;
        if (w > 0) {
          out.add(row.toString(), w);
        } else if (w < 0) {
          out.add("-" + row, -w);
        }
      }
    }
    return out;
  }

  private static DeltaQuery delta(Connection c, String sql) throws Exception {
    JdbcCatalogReader catalog = new JdbcCatalogReader(c);
    AnalysisResult r = new QueryAnalyzer().analyze(sql, catalog);
    assertTrue(r.isSupported(), r.toString());
    PgRelation src = catalog.relation(Optional.empty(), "src").orElseThrow();
    InputRelations changes = InputRelations.deltaOnly("chg",
        src.columns().stream().map(col -> '"' + col.name() + '"').toList());
    return new Differentiator(DeltaRules.builtin())
        .differentiate(((AnalysisResult.Supported) r).root(), Map.of(src.oid(), changes));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, a * 2 AS a2, upper(b) AS ub FROM src WHERE a > 5",
      "SELECT b, n / 3 AS third FROM src WHERE b ILIKE 'x%' OR n IS NULL",
      "SELECT a FROM src",
      "SELECT id, COALESCE(b, 'none') AS b, n::int AS ni FROM src WHERE a::text = '7' OR a > 15",
      "SELECT x.id FROM (SELECT id, a FROM src WHERE a < 10) x WHERE x.a % 2 = 0",
      "SELECT * FROM src",
  })
  void oldPlusDeltaIsNew(String sql, TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      DeltaQuery delta = delta(c, sql);
      Multiset<String> before = rows(st, sql, false);
      changeBatch(st);
      Multiset<String> after = rows(st, sql, false);
      Multiset<String> d = rows(st, delta.sql(), true);
      Multiset<String> applied = HashMultiset.create(before);
      for (Multiset.Entry<String> e : d.entrySet()) {
        if (e.getElement().startsWith("-")) {
          String row = e.getElement().substring(1);
          assertTrue(applied.count(row) >= e.getCount(), "delta deletes a row that is not there: " + row);
          applied.remove(row, e.getCount());
        } else {
          applied.add(e.getElement(), e.getCount());
        }
      }
      assertEquals(after, applied, delta.sql());
    }
  }

  @Test void emittedSqlIsOneCtePerOperator(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      DeltaQuery q = delta(c, "SELECT id, a * 2 AS a2 FROM src WHERE a > 5");
      assertEquals("""
          WITH __pgt_d1_scan AS (SELECT "id" AS c0, "a" AS c1, __pgt_w FROM chg),
               __pgt_d2_filter AS (SELECT c0 AS c0, c1 AS c1, __pgt_w FROM __pgt_d1_scan WHERE (c1 > 5)),
               __pgt_d3_project AS (SELECT c0 AS c0, (c1 * 2) AS c1, __pgt_w FROM __pgt_d2_filter)
          SELECT c0, c1, __pgt_w FROM __pgt_d3_project""", q.sql());
    }
  }

  @Test void operatorsWithoutARuleAreNamed(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      UnsupportedQueryException e = assertThrows(UnsupportedQueryException.class,
          () -> delta(c, "SELECT a, count(*) FROM src GROUP BY a"));
      assertEquals("no delta rule yet for aggregate", e.getMessage());
    }
  }
}
