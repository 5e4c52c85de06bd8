package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.util.List;
import java.util.function.IntFunction;

/**
 * COUNT(*) and COUNT(x) (not DISTINCT), algebraic: one state {@code count bigint} with
 * {@code Δcount = Σ w} over the delta rows the call counts (x not NULL, FILTER true);
 * {@code count₁ = count₀ + Δcount}; the visible value is the state.
 */
public final class CountStrategy implements AggregateStrategy {
  @Override public boolean handles(AggregateCallView call) {
    return call.functionName().equals("count") && !call.distinct();
  }

  @Override public Maintenance maintenance() {
    return Maintenance.ALGEBRAIC;
  }

  @Override public List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn) {
    return List.of(new StateColumn("count", "bigint", AlgebraicTerms.netCount(call, inputColumn, true)));
  }

  @Override public String merge(StateColumn column, String oldValueSql, String deltaSql) {
    return AlgebraicTerms.addWithZero(oldValueSql, deltaSql);
  }

  @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
    return stateColumnRefs.get(0);
  }
}
