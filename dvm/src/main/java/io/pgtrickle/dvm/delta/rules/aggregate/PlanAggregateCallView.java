package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.render.PgExpressionRenderer;
import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AggregateCall} of the operator tree seen through the SPI's {@link AggregateCallView}.
 * A numeric argument whose values may carry varying scales ({@link FixedScale}) is typed plain
 * {@code numeric}, whatever scale Calcite derived, so that strategies do not take it for exact.
 *
 * @param call the call
 * @param inputColumns the aggregate's input columns (for argument types)
 * @param input the aggregate's input, to trace argument scales; null: trust the column types
 */
public record PlanAggregateCallView(AggregateCall call, List<Column> inputColumns, PlanNode input)
    implements AggregateCallView {
  public PlanAggregateCallView {
    inputColumns = List.copyOf(inputColumns);
  }

  /** A call seen with its argument types as Calcite derived them. */
  public PlanAggregateCallView(AggregateCall call, List<Column> inputColumns) {
    this(call, inputColumns, null);
  }

  /** A call of {@code aggregate}, argument scales traced through its input. */
  public static PlanAggregateCallView of(Aggregate aggregate, AggregateCall call) {
    return new PlanAggregateCallView(call, aggregate.input().columns(), aggregate.input());
  }

  /** PostgreSQL's name; Calcite's {@code $sum0} (0 on no rows) stays itself, it is no plain sum. */
  @Override public String functionName() {
    return call.function().equalsIgnoreCase("$sum0") ? "$sum0"
        : AggregateCallSql.pgFunctionName(call.function()).orElse(call.function());
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
    String type = PgExpressionRenderer.typeName(inputColumns.get(index).type());
    boolean scaled = type.startsWith("numeric(");
    return new InputField(index, scaled && input != null && !FixedScale.of(input, index) ? "numeric" : type);
  }
}
