package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.plan.PlanPrinter;
import org.junit.jupiter.api.Test;

class ScratchPlanTest {
  @Test void print() {
    String[] qs = {
      "SELECT status, string_agg(note, ',' ORDER BY note DESC), array_agg(qty), bool_and(qty > 1), bool_or(qty>1), every(qty>2), min(amount), max(ts) FROM orders GROUP BY status",
      "SELECT count(*), avg(qty), sum(qty) FILTER (WHERE qty > 3), count(DISTINCT status), stddev(qty), json_agg(status) FROM orders",
      "SELECT status, id FROM orders INTERSECT SELECT region, id FROM customers INTERSECT SELECT name, id FROM customers",
      "SELECT status FROM orders EXCEPT ALL SELECT region FROM customers EXCEPT ALL SELECT name FROM customers",
    };
    for (String q : qs) {
      AnalysisResult r = new QueryAnalyzer().analyze(q, TestCatalogs.shop());
      System.out.println(q + "\n" + (r instanceof AnalysisResult.Supported s ? PlanPrinter.print(s.root()) : r));
    }
  }
}
