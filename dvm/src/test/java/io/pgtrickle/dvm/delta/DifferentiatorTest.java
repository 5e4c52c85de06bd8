package io.pgtrickle.dvm.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.delta.rules.ScanRule;
import io.pgtrickle.dvm.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differentiator's contract, without a database. */
class DifferentiatorTest {
  private static final SourceBindings BINDINGS = new SourceBindings() {
    @Override public String changes(Scan scan) {
      return "(SELECT * FROM chg_" + scan.relation().name() + ")";
    }

    @Override public String current(Scan scan) {
      return scan.relation().qualifiedName();
    }
  };

  private static AnalysisResult.Supported analyse(String sql) {
    return (AnalysisResult.Supported) new QueryAnalyzer().analyze(sql, TestCatalogs.shop());
  }

  @Test void consolidatedDeltaWithTheQuerysColumnNames() throws Exception {
    DeltaPlan plan = new Differentiator().differentiate(
        analyse("SELECT o.id AS \"Order\", c.name FROM orders o JOIN customers c ON c.id = o.customer_id"),
        "\"public\".\"st\"", BINDINGS);
    assertEquals(List.of("Order", "name"), plan.outputColumns());
    assertEquals(List.of(), plan.rowKey());
    assertTrue(plan.deltaQuery().startsWith("WITH "), plan.deltaQuery());
    assertTrue(plan.deltaQuery().endsWith("GROUP BY d.\"Order\", d.\"name\" HAVING sum(d.__pgt_w) <> 0"),
        plan.deltaQuery());
    assertTrue(plan.treeText().contains("Join INNER"), plan.treeText());
  }

  @Test void unusedStatesAreNotEmitted() throws Exception {
    DeltaPlan plan = new Differentiator().differentiate(analyse("SELECT id, status FROM orders WHERE amount > 10"),
        "\"public\".\"st\"", BINDINGS);
    assertTrue(!plan.deltaQuery().contains("\"public\".\"orders\""), plan.deltaQuery());
  }

  @Test void plansAreCachedPerAnalysisStoredResultAndBindings() throws Exception {
    AnalysisResult.Supported a = analyse("SELECT id FROM orders");
    Differentiator d = new Differentiator();
    DeltaPlan first = d.differentiate(a, "\"public\".\"st\"", BINDINGS);
    assertSame(first, new Differentiator().differentiate(a, "\"public\".\"st\"", BINDINGS));
    assertTrue(first != d.differentiate(a, "\"public\".\"other\"", BINDINGS));
  }

  @Test void rowKeyOfARootAggregateAndDistinct() throws Exception {
    assertEquals(List.of(0, 1), new Differentiator().differentiate(
        analyse("SELECT DISTINCT status, customer_id FROM orders"), "\"public\".\"st\"", BINDINGS).rowKey());
  }

  @Test void anOperatorWithoutRuleIsNamed() {
    Differentiator scansOnly = new Differentiator(new RuleRegistry(List.of(new ScanRule())));
    UnsupportedQueryException e = assertThrows(UnsupportedQueryException.class, () -> scansOnly.differentiate(
        analyse("SELECT o.id, c.name FROM orders o FULL JOIN customers c ON c.id = o.customer_id"),
        "\"public\".\"st\"", BINDINGS));
    assertEquals("FULL JOIN", e.getMessage());
  }
}
