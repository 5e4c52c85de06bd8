package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The strategy of last resort, exact for every aggregate function PostgreSQL has (count, sum, avg,
 * min, max, string_agg, array_agg, bool_and, count(DISTINCT …), user-defined aggregates, …): keep no
 * hidden state; recompute every affected group from the input's after-state and retract its previous
 * row. {@link AggregateStrategies} always consults it last, so any registered strategy that handles a
 * call takes precedence.
 */
public final class GroupRescanStrategy implements AggregateStrategy {
  @Override public boolean handles(AggregateCallView call) {
    return AggregateCallSql.pgFunctionName(call.functionName()).isPresent();
  }

  @Override public Maintenance maintenance() {
    return Maintenance.GROUP_RESCAN;
  }

  /** None: the group's value is recomputed from its rows. */
  @Override public List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn) {
    return List.of();
  }

  /** There is no state to merge; asking is a programming error. */
  @Override public String merge(StateColumn column, String oldValueSql, String deltaSql) {
    throw new IllegalStateException("a group rescan keeps no state columns");
  }

  /** There is no state to compute the value from; asking is a programming error. */
  @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
    throw new IllegalStateException("a group rescan recomputes " + call.functionName() + " from the group's rows");
  }
}
