package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * Left rows for which at least one right row satisfies {@code condition} ({@code EXISTS},
 * {@code IN}); each left row appears once however many right rows match. The condition references
 * left fields first, then right fields. Output: the left columns.
 */
public record SemiJoin(PlanNode left, PlanNode right, ScalarExpression condition) implements PlanNode {
  @Override public OperatorKind kind() {
    return OperatorKind.SEMI_JOIN;
  }

  @Override public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override public List<Column> columns() {
    return left.columns();
  }

  @Override public List<ScalarExpression> expressions() {
    return List.of(condition);
  }
}
