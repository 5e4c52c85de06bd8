package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/** Each distinct input row once ({@code SELECT DISTINCT}). */
public record Distinct(PlanNode input) implements PlanNode {
  @Override public OperatorKind kind() {
    return OperatorKind.DISTINCT;
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public List<Column> columns() {
    return input.columns();
  }
}
