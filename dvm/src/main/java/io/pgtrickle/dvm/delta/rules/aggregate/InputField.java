package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.render.PgExpressionRenderer;
import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.function.IntFunction;
import org.apache.calcite.rel.type.RelDataType;

/** A reference to one input field of an aggregate, as an {@link SqlExpression} for strategies. */
record InputField(int index, RelDataType type) implements SqlExpression {
  @Override public String toSql(IntFunction<String> inputColumn) {
    return inputColumn.apply(index);
  }

  @Override public String pgTypeName() {
    return PgExpressionRenderer.typeName(type);
  }
}
