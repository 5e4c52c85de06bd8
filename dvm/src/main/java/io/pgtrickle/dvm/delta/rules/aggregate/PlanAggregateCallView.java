package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.render.PgExpressionRenderer;
import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AggregateCall} of the operator tree seen through the SPI's {@link AggregateCallView}.
 *
 * @param call the call
 * @param inputColumns the aggregate's input columns (for argument types)
 */
public record PlanAggregateCallView(AggregateCall call, List<Column> inputColumns) implements AggregateCallView {
  public PlanAggregateCallView {
    inputColumns = List.copyOf(inputColumns);
  }

  @Override public String functionName() {
    return AggregateCallSql.pgFunctionName(call.function()).orElse(call.function());
  }

  @Override public List<SqlExpression> arguments() {
    return call.arguments().stream().<SqlExpression>map(this::field).toList();
  }

  @Override public boolean distinct() {
    return call.distinct();
  }

  @Override public Optional<SqlExpression> filter() {
    return call.filter().isPresent() ? Optional.of(field(call.filter().getAsInt())) : Optional.empty();
  }

  @Override public boolean ordered() {
    return !call.orderWithin().isEmpty();
  }

  @Override public String resultTypeName() {
    return PgExpressionRenderer.typeName(call.column().type());
  }

  private InputField field(int index) {
    return new InputField(index, inputColumns.get(index).type());
  }
}
