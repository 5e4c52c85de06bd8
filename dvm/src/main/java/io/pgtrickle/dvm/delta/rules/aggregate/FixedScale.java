package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.plan.Distinct;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.Scan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Whether every value of a numeric field has the display scale its type promises. PostgreSQL
 * coerces a {@code numeric(p,s)} column's values to scale s, and so does a cast to
 * {@code numeric(p,s)}; but an expression such as {@code a / b} has a per-value scale that Calcite's
 * derived type does not describe. A sum of values of one fixed scale has that scale whatever rows
 * were added and removed, which is what makes {@code old + Δ} print exactly like a recomputation.
 * Conservative: anything not traced to a column or such a cast through filters, plain column
 * projections and joins is not fixed.
 */
final class FixedScale {
  private FixedScale() {}

  /** True when field {@code index} of {@code node} is a column or a cast to numeric with a scale. */
  static boolean of(PlanNode node, int index) {
    if (node instanceof Scan) {
      return true;
    } else if (node instanceof Filter f) {
      return of(f.input(), index);
    } else if (node instanceof Distinct d) {
      return of(d.input(), index);
    } else if (node instanceof Join j) {
      int left = j.left().columns().size();
      return index < left ? of(j.left(), index) : of(j.right(), index - left);
    } else if (node instanceof Project p) {
      return rex(p, p.projections().get(index).rex());
    }
    return false;
  }

  private static boolean rex(Project p, RexNode rex) {
    if (rex instanceof RexInputRef ref) {
      return of(p.input(), ref.getIndex());
    }
    return rex instanceof RexCall call && call.getKind() == SqlKind.CAST
        && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL;
  }
}
