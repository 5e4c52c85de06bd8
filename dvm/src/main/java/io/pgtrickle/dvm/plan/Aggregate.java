package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY {@code groupKeys} (input field indexes) computing {@code calls}. Without group keys it is
 * a scalar aggregate with exactly one output row. Output: the group key columns, then one column per call.
 */
public record Aggregate(PlanNode input, List<Integer> groupKeys, List<AggregateCall> calls) implements PlanNode {
  public Aggregate {
    groupKeys = List.copyOf(groupKeys);
    calls = List.copyOf(calls);
  }

  @Override public OperatorKind kind() {
    return OperatorKind.AGGREGATE;
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public List<Column> columns() {
    List<Column> out = new ArrayList<>();
    groupKeys.forEach(k -> out.add(input.columns().get(k)));
    calls.forEach(c -> out.add(c.column()));
    return out;
  }
}
