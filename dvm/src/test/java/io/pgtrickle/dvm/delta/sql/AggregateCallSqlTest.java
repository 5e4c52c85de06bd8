package io.pgtrickle.dvm.delta.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.dvm.plan.PlanNode;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Aggregate calls rendered back to PostgreSQL. No database needed. */
class AggregateCallSqlTest {
  private static List<String> rendered(String sql) {
    AnalysisResult r = new QueryAnalyzer().analyze(sql, TestCatalogs.shop());
    assertTrue(r.isSupported(), r.toString());
    PlanNode root = ((AnalysisResult.Supported) r).root();
    Aggregate a = (Aggregate) root.descendantsAndSelf().filter(Aggregate.class::isInstance).findFirst().orElseThrow();
    return a.calls().stream().map(c -> AggregateCallSql.render(c, i -> "r.c" + i)).collect(Collectors.toList());
  }

  @Test void plainCallsCountStarDistinctAndFilter() {
    assertEquals(List.of("count(*)", "count(r.c1)", "sum(r.c1)", "avg(r.c2)", "count(DISTINCT r.c3)",
        "sum(r.c1) FILTER (WHERE r.c4)"), rendered("SELECT status, count(*), count(amount), sum(amount), avg(qty),"
        + " count(DISTINCT note), sum(amount) FILTER (WHERE qty > 2) FROM orders GROUP BY status"));
  }

  @Test void stringAggComesBackFromListaggWithItsOrder() {
    List<String> calls = rendered("SELECT string_agg(note, ',' ORDER BY note DESC, id) FROM orders");
    assertEquals(1, calls.size());
    assertTrue(calls.get(0).startsWith("string_agg(r.c"), calls.toString());
    assertTrue(calls.get(0).contains(" ORDER BY r.c") && calls.get(0).contains(" DESC, r.c"), calls.toString());
  }

  @Test void sum0IsASumThatGivesZero() {
    AggregateCall c = new AggregateCall("$SUM0", List.of(2), false, OptionalInt.of(3), List.of(), null);
    assertEquals("COALESCE(sum(x2) FILTER (WHERE x3), 0)", AggregateCallSql.render(c, i -> "x" + i));
  }

  @Test void calciteInternalsAreNotRenderable() {
    assertFalse(AggregateCallSql.renderable(new AggregateCall("single_value", List.of(0), false, OptionalInt.empty(),
        List.of(), null)));
    assertEquals("\"my agg\"(x0)", AggregateCallSql.render(new AggregateCall("My Agg", List.of(0), false,
        OptionalInt.empty(), List.of(), null), i -> "x" + i));
  }
}
