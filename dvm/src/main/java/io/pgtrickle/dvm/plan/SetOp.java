package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * UNION, INTERSECT or EXCEPT over two or more inputs with the same column count; {@code all} keeps
 * duplicates (bag semantics), otherwise the result is a set. Output columns are named after the first input.
 */
public record SetOp(SetOpKind setOpKind, boolean all, List<PlanNode> inputs, List<Column> columns)
    implements PlanNode {
  public SetOp {
    inputs = List.copyOf(inputs);
    columns = List.copyOf(columns);
  }

  /** The set operations. */
  public enum SetOpKind { UNION, INTERSECT, EXCEPT }

  @Override public OperatorKind kind() {
    return OperatorKind.SET_OP;
  }
}
