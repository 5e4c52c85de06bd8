package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.util.List;
import java.util.function.IntFunction;

/**
 * SUM(x) of an exact numeric type (not DISTINCT; float sums are not invertible exactly, and a
 * numeric whose values' scales vary would print differently after removals), algebraic:
 * states {@code sum} (PostgreSQL's result type: bigint or numeric) with {@code Δsum = Σ x·w} and {@code count bigint} with
 * {@code Δcount = Σ w} over the rows where x is not NULL and FILTER holds; each new state is
 * {@code old + Δ}; the visible value is {@code CASE WHEN count = 0 THEN NULL ELSE sum END}.
 */
public final class SumStrategy implements AggregateStrategy {
  @Override public boolean handles(AggregateCallView call) {
    return call.functionName().equals("sum") && !call.distinct() && AlgebraicTerms.exactArgument(call);
  }

  @Override public Maintenance maintenance() {
    return Maintenance.ALGEBRAIC;
  }

  @Override public List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn) {
    String x = call.arguments().get(0).toSql(inputColumn);
    String type = AlgebraicTerms.sumType(call);
    String sum = "CAST(" + AlgebraicTerms.filtered("sum(CAST(" + x + " AS " + type + ") * " + AlgebraicTerms.W + ")",
        AlgebraicTerms.condition(call, inputColumn, false, null)) + " AS " + type + ")";
    return List.of(new StateColumn("sum", type, sum),
        new StateColumn("count", "bigint", AlgebraicTerms.netCount(call, inputColumn, true)));
  }

  @Override public String merge(StateColumn column, String oldValueSql, String deltaSql) {
    return AlgebraicTerms.addWithZero(oldValueSql, deltaSql);
  }

  @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
    return "CASE WHEN " + stateColumnRefs.get(1) + " = 0 THEN NULL ELSE " + stateColumnRefs.get(0) + " END";
  }
}
