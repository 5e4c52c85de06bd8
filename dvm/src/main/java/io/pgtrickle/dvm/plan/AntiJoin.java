package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * Left rows with no matching right row. Two flavours, kept apart because their NULL behaviour differs:
 * <ul>
 *   <li>{@link Semantics#NOT_EXISTS}: a left row is kept iff no right row makes {@code condition} true.</li>
 *   <li>{@link Semantics#NOT_IN}: {@code (l1..ln) NOT IN (SELECT r1..rn …)}. A left row is kept iff the
 *   right side is empty, or no right row equals it <em>and</em> no comparison is unknown: a NULL in a
 *   left key, or a right row with a NULL in a compared column, rejects every left row that does not
 *   definitely differ from it. {@code condition} is the conjunction {@code l1 = r1 AND …}.</li>
 * </ul>
 * The condition references left fields first, then right fields. Output: the left columns.
 */
public record AntiJoin(PlanNode left, PlanNode right, ScalarExpression condition, Semantics semantics)
    implements PlanNode {

  /** Which SQL construct the anti-join came from. */
  public enum Semantics { NOT_EXISTS, NOT_IN }

  @Override public OperatorKind kind() {
    return OperatorKind.ANTI_JOIN;
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
