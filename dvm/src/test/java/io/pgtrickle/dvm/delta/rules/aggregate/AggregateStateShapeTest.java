package io.pgtrickle.dvm.delta.rules.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL shape of root aggregates with hidden state, without a database: which columns are hidden,
 * which calls are algebraic, and that an algebraic-only delta never reads the source table.
 */
class AggregateStateShapeTest {
  private static final SourceBindings BINDINGS = new SourceBindings() {
    @Override public String changes(Scan scan) {
      return "(SELECT * FROM chg_" + scan.relation().name() + ")";
    }

    @Override public String current(Scan scan) {
      return scan.relation().qualifiedName();
    }
  };

  private static DeltaPlan plan(String sql) throws Exception {
    AnalysisResult.Supported a = (AnalysisResult.Supported) new QueryAnalyzer().analyze(sql, TestCatalogs.shop());
    return new Differentiator().differentiate(a, "\"public\".\"st\"", BINDINGS);
  }

  @Test void algebraicCallsReadOnlyTheChangesAndTheStoredGroups() throws Exception {
    DeltaPlan p = plan("SELECT status, count(*) AS n, sum(amount) AS s, avg(qty) AS a, count(note) FILTER"
        + " (WHERE qty > 1) AS c FROM orders GROUP BY status");
    assertEquals(List.of("__pgt_count", "__pgt_a0_count", "__pgt_a1_sum", "__pgt_a1_count", "__pgt_a2_sum",
        "__pgt_a2_count", "__pgt_a3_count"), p.hiddenColumns());
    assertFalse(p.deltaQuery().contains("\"public\".\"orders\""), p.deltaQuery());
    assertTrue(p.deltaQuery().contains("LEFT JOIN \"public\".\"st\" AS s"), p.deltaQuery());
    assertTrue(p.deltaQuery().endsWith("GROUP BY d.\"status\", d.\"n\", d.\"s\", d.\"a\", d.\"c\", d.__pgt_count,"
        + " d.__pgt_a0_count, d.__pgt_a1_sum, d.__pgt_a1_count, d.__pgt_a2_sum, d.__pgt_a2_count, d.__pgt_a3_count"
        + " HAVING sum(d.__pgt_w) <> 0"), p.deltaQuery());
    assertTrue(p.treeText().contains("call 1 sum: SumStrategy (algebraic; __pgt_a1_sum, __pgt_a1_count)"),
        p.treeText());
    // the FULL computation: the user's calls, then the states over weight-1 rows
    assertTrue(p.stateQuery().startsWith("SELECT r.\"c"), p.stateQuery());
    assertTrue(p.stateQuery().contains("FROM \"public\".\"orders\""), p.stateQuery());
    assertTrue(p.stateQuery().contains("count(*) AS \"n\""), p.stateQuery());
  }

  @Test void minMaxRescansOnlyWhenTheExtremeLeaves() throws Exception {
    DeltaPlan p = plan("SELECT customer_id, min(amount) AS lo, max(created) AS hi, count(*) AS n FROM orders"
        + " GROUP BY customer_id");
    assertEquals(List.of("__pgt_count", "__pgt_a0_min", "__pgt_a1_max", "__pgt_a2_count"), p.hiddenColumns());
    assertTrue(p.deltaQuery().contains("<= s.__pgt_a0_min"), p.deltaQuery());
    assertTrue(p.deltaQuery().contains(">= s.__pgt_a1_max"), p.deltaQuery());
    assertTrue(p.deltaQuery().contains("WHERE j.__pgt_rescan"), p.deltaQuery());
  }

  @Test void onlyRescannedCallsOrANonRootAggregateKeepNoState() throws Exception {
    DeltaPlan rescan = plan("SELECT status, string_agg(note, ',') AS notes, count(DISTINCT qty) AS d FROM orders"
        + " GROUP BY status");
    assertEquals(List.of(), rescan.hiddenColumns());
    assertNull(rescan.stateQuery());
    DeltaPlan having = plan("SELECT status, sum(qty) AS s FROM orders GROUP BY status HAVING count(*) > 1");
    assertEquals(List.of(), having.hiddenColumns());
  }

  @Test void floatSumsAndScalelessNumericsAreRescanned() throws Exception {
    DeltaPlan p = plan("SELECT status, sum(amount::float8) AS f, sum(amount / 3) AS d, sum(amount) AS s FROM orders"
        + " GROUP BY status");
    assertTrue(p.treeText().contains("call 0 sum: GroupRescanStrategy"), p.treeText());
    assertTrue(p.treeText().contains("call 1 sum: GroupRescanStrategy"), p.treeText());
    assertTrue(p.treeText().contains("call 2 sum: SumStrategy"), p.treeText());
  }

  @Test void aReorderingProjectionAboveKeepsTheState() throws Exception {
    DeltaPlan p = plan("SELECT count(*) AS n, status, sum(qty) AS s FROM orders GROUP BY status");
    assertEquals(List.of("n", "status", "s"), p.outputColumns());
    assertEquals(List.of(1), p.rowKey());
    assertEquals(List.of("__pgt_count", "__pgt_a0_count", "__pgt_a1_sum", "__pgt_a1_count"), p.hiddenColumns());
    assertTrue(p.deltaQuery().endsWith("GROUP BY d.\"n\", d.\"status\", d.\"s\", d.__pgt_count, d.__pgt_a0_count,"
        + " d.__pgt_a1_sum, d.__pgt_a1_count HAVING sum(d.__pgt_w) <> 0"), p.deltaQuery());
    // an expression above the aggregate: group rescan, no state
    assertEquals(List.of(), plan("SELECT status, count(*) + 1 AS n FROM orders GROUP BY status").hiddenColumns());
  }
}
