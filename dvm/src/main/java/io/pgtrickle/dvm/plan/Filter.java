package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/** Keeps the input rows for which {@code condition} is true (WHERE, HAVING). */
public record Filter(PlanNode input, ScalarExpression condition) implements PlanNode {
  @Override public OperatorKind kind() {
    return OperatorKind.FILTER;
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public List<Column> columns() {
    return input.columns();
  }

  @Override public List<ScalarExpression> expressions() {
    return List.of(condition);
  }
}
