package io.pgtrickle.dvm.plan;

import io.pgtrickle.dvm.render.PgExpressionRenderer;
import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.function.IntFunction;
import org.apache.calcite.rex.RexNode;

/**
 * A scalar expression of the tree: Calcite's validated {@link RexNode} (input refs are field
 * indexes), rendered back to PostgreSQL SQL by {@link PgExpressionRenderer}.
 */
public record ScalarExpression(RexNode rex) implements SqlExpression {
  @Override public String toSql(IntFunction<String> inputColumn) {
    return PgExpressionRenderer.render(rex, inputColumn);
  }

  @Override public String pgTypeName() {
    return PgExpressionRenderer.typeName(rex.getType());
  }

  @Override public String toString() {
    return rex.toString();
  }
}
