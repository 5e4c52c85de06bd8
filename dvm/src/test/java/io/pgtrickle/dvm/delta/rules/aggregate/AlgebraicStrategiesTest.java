package io.pgtrickle.dvm.delta.rules.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.ScalarExpression;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The algebraic strategies' SQL on PostgreSQL: per group, the states computed over the old rows
 * (weight 1), merged with the states of the delta, give through {@code finalValue} exactly the
 * aggregate over the new rows; MIN/MAX merge inserts and flag the groups whose extreme may have left.
 * This is the contract the engine relies on once it keeps the states as hidden columns.
 */
@PgTest
class AlgebraicStrategiesTest {
  private static final AggregateStrategies ALGEBRAIC = new AggregateStrategies(
      List.of(new CountStrategy(), new SumStrategy(), new AvgStrategy(), new MinMaxStrategy()));

  @BeforeAll
  static void data(TestDatabase db) throws Exception {
    String row = "CASE WHEN i % 11 = 0 THEN NULL ELSE i % 5 END AS g,"
        + " CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 37) % 23 - 5 END AS x,"
        + " CAST(CASE WHEN i % 9 = 0 THEN NULL ELSE ((i * 13) % 17) * 1.25 END AS numeric(8,2)) AS y,"
        + " CASE WHEN i % 4 = 0 THEN NULL ELSE i % 3 = 0 END AS f";
    db.execute("CREATE TABLE t0 AS SELECT i AS id, " + row + " FROM generate_series(1, 200) i",
        "CREATE TABLE ins AS SELECT i AS id, " + row + " FROM generate_series(201, 260) i",
        "INSERT INTO ins VALUES (300, 9, 1, 2.5, true), (301, 9, NULL, NULL, NULL)",
        "CREATE TABLE del AS SELECT * FROM t0 WHERE id % 5 = 0 OR g = 4",
        "CREATE TABLE d AS SELECT *, -1 AS __pgt_w FROM del UNION ALL SELECT *, 1 FROM ins",
        "CREATE TABLE t1 AS SELECT * FROM t0 WHERE id NOT IN (SELECT id FROM del) UNION ALL SELECT * FROM ins",
        "CREATE TABLE t0ins AS SELECT * FROM t0 UNION ALL SELECT * FROM ins",
        "CREATE TABLE dins AS SELECT *, 1 AS __pgt_w FROM ins",
        "CREATE TABLE t0del AS SELECT * FROM t0 WHERE id NOT IN (SELECT id FROM del)",
        "CREATE TABLE ddel AS SELECT *, -1 AS __pgt_w FROM del");
  }

  /** The aggregate of {@code query} (over t0) and the SQL of its input over any of the tables. */
  private record Case(Aggregate aggregate, PlanNode input) {
    String input(String table, boolean weighted) {
      Scan scan = (Scan) (input instanceof Project p ? p.input() : input);
      List<String> scanCols = scan.referenced().stream().map(c -> '"' + c.name() + '"').toList();
      List<String> sel = new ArrayList<>();
      if (input instanceof Project p) {
        for (int i = 0; i < p.projections().size(); i++) {
          ScalarExpression e = p.projections().get(i);
          sel.add(e.toSql(scanCols::get) + " AS c" + i);
        }
      } else {
        for (int i = 0; i < scanCols.size(); i++) {
          sel.add(scanCols.get(i) + " AS c" + i);
        }
      }
      return "(SELECT " + String.join(", ", sel) + ", " + (weighted ? "__pgt_w" : "1 AS __pgt_w") + " FROM " + table + ")";
    }
  }

  private static Case analyse(Connection c, String query) {
    AnalysisResult r = new QueryAnalyzer().analyze(query, new JdbcCatalogReader(c));
    assertTrue(r.isSupported(), r.toString());
    Aggregate a = (Aggregate) ((AnalysisResult.Supported) r).root();
    return new Case(a, a.input());
  }

  /** Group key refs, then per call its state-column SQL over the rows of {@code relation}. */
  private static String states(Case k, String relation, List<List<AggregateStrategy.StateColumn>> cols) {
    List<String> sel = new ArrayList<>();
    for (int i = 0; i < k.aggregate().groupKeys().size(); i++) {
      sel.add("r.c" + k.aggregate().groupKeys().get(i) + " AS k" + i);
    }
    sel.add("sum(r.__pgt_w) AS n");
    for (int j = 0; j < cols.size(); j++) {
      for (int s = 0; s < cols.get(j).size(); s++) {
        sel.add(cols.get(j).get(s).deltaSql() + " AS s" + j + "_" + s);
      }
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < k.aggregate().groupKeys().size(); i++) {
      keys.add("r.c" + k.aggregate().groupKeys().get(i));
    }
    return "SELECT " + String.join(", ", sel) + " FROM " + relation + " AS r"
        + (keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys));
  }

  /** old states ⊕ Δ states → visible values, for the groups left non-empty. */
  private static String merged(Case k, String before, String delta) {
    List<List<AggregateStrategy.StateColumn>> cols = new ArrayList<>();
    List<AggregateStrategy> strategies = new ArrayList<>();
    for (var call : k.aggregate().calls()) {
      PlanAggregateCallView v = new PlanAggregateCallView(call, k.input().columns());
      AggregateStrategy s = ALGEBRAIC.forCall(v).orElseThrow();
      strategies.add(s);
      cols.add(s.stateColumns(v, i -> "r.c" + i));
    }
    int nk = k.aggregate().groupKeys().size();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nk; i++) {
      out.add("a.k" + i);
    }
    for (int j = 0; j < cols.size(); j++) {
      List<String> refs = new ArrayList<>();
      for (int s = 0; s < cols.get(j).size(); s++) {
        refs.add(strategies.get(j).merge(cols.get(j).get(s), "o.s" + j + "_" + s, "d.s" + j + "_" + s));
      }
      PlanAggregateCallView v = new PlanAggregateCallView(k.aggregate().calls().get(j), k.input().columns());
      out.add(strategies.get(j).finalValue(v, refs));
    }
    String o = "(" + states(k, before, cols) + ")";
    String d = "(" + states(k, delta, cols) + ")";
    if (nk == 0) {
      return "SELECT " + String.join(", ", out) + " FROM " + o + " AS o CROSS JOIN " + d + " AS d";
    }
    // every group of either side (FULL JOIN cannot match with IS NOT DISTINCT FROM)
    List<String> ks = new ArrayList<>();
    List<String> onO = new ArrayList<>();
    List<String> onD = new ArrayList<>();
    for (int i = 0; i < nk; i++) {
      ks.add("k" + i);
      onO.add("o.k" + i + " IS NOT DISTINCT FROM a.k" + i);
      onD.add("d.k" + i + " IS NOT DISTINCT FROM a.k" + i);
    }
    String all = "(SELECT " + String.join(", ", ks) + " FROM " + o + " AS x UNION SELECT " + String.join(", ", ks)
        + " FROM " + d + " AS y)";
    return "SELECT " + String.join(", ", out) + " FROM " + all + " AS a LEFT JOIN " + o + " AS o ON "
        + String.join(" AND ", onO) + " LEFT JOIN " + d + " AS d ON " + String.join(" AND ", onD)
        + " WHERE COALESCE(o.n, 0) + COALESCE(d.n, 0) > 0";
  }

  @Test void countSumAvgOldPlusDeltaIsNew(TestDatabase db) throws Exception {
    String q = "SELECT g, count(*) AS c, count(x) AS cx, sum(x) AS sx, sum(y) FILTER (WHERE f) AS sy, avg(x) AS ax,"
        + " avg(y) FILTER (WHERE x > 0) AS ay, count(y) FILTER (WHERE f) AS cy FROM t0 GROUP BY g";
    try (Connection c = db.connect()) {
      Case k = analyse(c, q);
      for (var call : k.aggregate().calls()) {
        assertEquals(AggregateStrategy.Maintenance.ALGEBRAIC, ALGEBRAIC.forCall(
            new PlanAggregateCallView(call, k.input().columns())).orElseThrow().maintenance(), call.function());
      }
      MultisetOracle.assertSameRows(c, merged(k, k.input("t0", false), k.input("d", true)), q.replace("t0", "t1"));
    }
  }

  @Test void noGroupByKeepsItsRowWithZeroCount(TestDatabase db) throws Exception {
    String q = "SELECT count(*) AS c, sum(x) AS sx, avg(y) AS ay FROM t0 WHERE g = 4";
    try (Connection c = db.connect()) {
      AnalysisResult r = new QueryAnalyzer().analyze("SELECT count(*) AS c, sum(x) AS sx, avg(y) AS ay FROM t0", new JdbcCatalogReader(c));
      Aggregate a = (Aggregate) ((AnalysisResult.Supported) r).root();
      Case k = new Case(a, a.input());
      String merged = merged(k, "(SELECT * FROM " + k.input("t0", false) + " AS z WHERE FALSE)",
          k.input("(SELECT * FROM t0 WHERE g = 4) AS x CROSS JOIN (SELECT 1 AS __pgt_w) AS w", true));
      MultisetOracle.assertSameRows(c, merged, q);
    }
  }

  @Test void minMaxMergeInsertsAndFlagGroupsWhoseExtremeLeft(TestDatabase db) throws Exception {
    String q = "SELECT g, min(x) AS mn, max(y) AS mx, min(x) FILTER (WHERE f) AS mf FROM t0 GROUP BY g";
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      Case k = analyse(c, q);
      for (var call : k.aggregate().calls()) {
        assertEquals(AggregateStrategy.Maintenance.RESCAN_ON_DELETE, ALGEBRAIC.forCall(
            new PlanAggregateCallView(call, k.input().columns())).orElseThrow().maintenance());
      }
      MultisetOracle.assertSameRows(c, merged(k, k.input("t0", false), k.input("dins", true)), q.replace("t0", "t0ins"));
      // deletes only: where no extreme is flagged as leaving, the old value still holds
      MinMaxStrategy s = new MinMaxStrategy();
      int unflagged = 0;
      for (int j = 0; j < k.aggregate().calls().size(); j++) {
        PlanAggregateCallView v = new PlanAggregateCallView(k.aggregate().calls().get(j), k.input().columns());
        String col = List.of("mn", "mx", "mf").get(j);
        String sql = "SELECT count(*) FILTER (WHERE NOT l.leaves), count(*) FILTER (WHERE NOT l.leaves AND"
            + " o." + col + " IS DISTINCT FROM n." + col + ") FROM (SELECT r.c" + k.aggregate().groupKeys().get(0)
            + " AS g, " + s.rescanWhen(v, s.leavingSql(v, i -> "r.c" + i), List.of("(SELECT o." + col + " FROM (" + q
            + ") AS o WHERE o.g IS NOT DISTINCT FROM r.c" + k.aggregate().groupKeys().get(0) + ")"))
            + " AS leaves FROM " + k.input("ddel", true) + " AS r GROUP BY r.c" + k.aggregate().groupKeys().get(0)
            + ") AS l JOIN (" + q + ") AS o ON o.g IS NOT DISTINCT FROM l.g JOIN (" + q.replace("t0", "t0del")
            + ") AS n ON n.g IS NOT DISTINCT FROM l.g";
        try (ResultSet rs = st.executeQuery(sql)) {
          rs.next();
          unflagged += rs.getInt(1);
          assertEquals(0, rs.getInt(2), "an unflagged group changed its " + col + ":\n" + sql);
        }
      }
      assertTrue(unflagged > 0, "some groups keep their extremes");
    }
  }
}
