package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.function.IntFunction;

/** A reference to one input field of an aggregate, as an {@link SqlExpression} for strategies. */
record InputField(int index, String pgTypeName) implements SqlExpression {
  @Override public String toSql(IntFunction<String> inputColumn) {
    return inputColumn.apply(index);
  }
}
