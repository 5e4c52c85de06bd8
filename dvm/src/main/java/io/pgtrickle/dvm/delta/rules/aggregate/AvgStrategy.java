package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.util.List;
import java.util.function.IntFunction;

/**
 * AVG(x) of an exact numeric type (not DISTINCT), algebraic: states {@code sum numeric}
 * ({@code Δ = Σ x·w}) and {@code count bigint} ({@code Δ = Σ w}) over the rows where x is not NULL
 * and FILTER holds; the visible value is {@code sum / count} (numeric division, as PostgreSQL's avg
 * does), NULL when the count is 0.
 */
public final class AvgStrategy implements AggregateStrategy {
  @Override public boolean handles(AggregateCallView call) {
    return call.functionName().equals("avg") && !call.distinct() && AlgebraicTerms.exactArgument(call);
  }

  @Override public Maintenance maintenance() {
    return Maintenance.ALGEBRAIC;
  }

  @Override public List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn) {
    String x = call.arguments().get(0).toSql(inputColumn);
    String sum = AlgebraicTerms.filtered("sum(CAST(" + x + " AS numeric) * " + AlgebraicTerms.W + ")",
        AlgebraicTerms.condition(call, inputColumn, false, null));
    return List.of(new StateColumn("sum", "numeric", sum),
        new StateColumn("count", "bigint", AlgebraicTerms.netCount(call, inputColumn, true)));
  }

  @Override public String merge(StateColumn column, String oldValueSql, String deltaSql) {
    return AlgebraicTerms.addWithZero(oldValueSql, deltaSql);
  }

  @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
    return "CASE WHEN " + stateColumnRefs.get(1) + " = 0 THEN NULL ELSE " + stateColumnRefs.get(0) + " / CAST("
        + stateColumnRefs.get(1) + " AS numeric) END";
  }
}
