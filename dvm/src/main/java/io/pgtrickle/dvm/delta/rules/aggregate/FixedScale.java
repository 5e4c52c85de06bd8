package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.plan.Distinct;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.dvm.calcite.PgTypeSystem;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Whether every value of a numeric field has one display scale (PostgreSQL's {@code dscale}).
 * PostgreSQL coerces a {@code numeric(p,s)} column's values to scale s, and so does a cast to
 * {@code numeric(p,s)}; integers have scale 0 and a literal has the scale it is written with. The
 * arithmetic that keeps a fixed scale fixed: {@code a + b} and {@code a - b} have scale
 * max(scale a, scale b), {@code a * b} has scale a + scale b, {@code -a} the scale of a (numeric.c).
 * So {@code l_extendedprice * (1 - l_discount)} over numeric(15,2) columns always has scale 4. An
 * expression such as {@code a / b} or a cast from a float has a per-value scale. A sum of values of
 * one fixed scale has that scale whatever rows were added and removed, which is what makes
 * {@code old + Δ} print exactly like a recomputation. Conservative: anything not traced through
 * filters, projections and joins to columns, literals, such casts and such arithmetic is not fixed.
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
    if (rex instanceof RexLiteral literal) {
      return exact(literal.getType());
    }
    if (!(rex instanceof RexCall call)) {
      return false;
    }
    return switch (call.getKind()) {
      case CAST -> call.getType().getSqlTypeName() == SqlTypeName.DECIMAL
          || SqlTypeName.INT_TYPES.contains(call.getType().getSqlTypeName());
      case PLUS, MINUS, TIMES, MINUS_PREFIX, PLUS_PREFIX -> call.getOperands().stream()
          .allMatch(operand -> exact(operand.getType()) && rex(p, operand));
      default -> false;
    };
  }

  /** An integer, or a numeric with a declared precision (not an unconstrained numeric, not a float). */
  private static boolean exact(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return SqlTypeName.INT_TYPES.contains(name) || name == SqlTypeName.DECIMAL
        && type.getPrecision() < PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION;
  }
}
