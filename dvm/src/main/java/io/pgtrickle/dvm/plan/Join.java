package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A join; {@code condition} references left fields first, then right fields. Output: left columns,
 * then right columns (nullable on the outer-joined side).
 */
public record Join(JoinKind joinKind, PlanNode left, PlanNode right, ScalarExpression condition,
    List<Column> columns) implements PlanNode {
  public Join {
    columns = List.copyOf(columns);
  }

  /** The join types. */
  public enum JoinKind { INNER, LEFT, RIGHT, FULL }

  /** Left columns followed by right columns, as Calcite typed them. */
  static List<Column> concat(PlanNode left, PlanNode right) {
    List<Column> all = new ArrayList<>(left.columns());
    all.addAll(right.columns());
    return all;
  }

  @Override public OperatorKind kind() {
    return OperatorKind.JOIN;
  }

  @Override public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override public List<ScalarExpression> expressions() {
    return List.of(condition);
  }
}
