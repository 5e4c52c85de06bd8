package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/** Computes one output column per expression over each input row. */
public record Project(PlanNode input, List<ScalarExpression> projections, List<Column> columns)
    implements PlanNode {
  public Project {
    projections = List.copyOf(projections);
    columns = List.copyOf(columns);
    if (projections.size() != columns.size()) {
      throw new IllegalArgumentException("one column per projection");
    }
  }

  @Override public OperatorKind kind() {
    return OperatorKind.PROJECT;
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public List<ScalarExpression> expressions() {
    return projections;
  }
}
