package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.util.List;
import java.util.function.IntFunction;

/**
 * MIN(x) and MAX(x): the state is the visible value; inserted rows merge with
 * {@code LEAST(old, min of inserted x)} (GREATEST for max; both ignore NULLs). A group must be
 * rescanned when a deleted row may have held the extreme: {@link #extremeLeaves} is true when the
 * smallest (largest) deleted x is ≤ (≥) the stored value, or when the stored value is NULL.
 */
public final class MinMaxStrategy implements AggregateStrategy {
  @Override public boolean handles(AggregateCallView call) {
    return (call.functionName().equals("min") || call.functionName().equals("max")) && call.arguments().size() == 1;
  }

  @Override public Maintenance maintenance() {
    return Maintenance.RESCAN_ON_DELETE;
  }

  private static boolean isMin(AggregateCallView call) {
    return call.functionName().equals("min");
  }

  /** One state named after the function, the extreme of the inserted rows ({@code w > 0}) the call sees. */
  @Override public List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn) {
    String x = call.arguments().get(0).toSql(inputColumn);
    return List.of(new StateColumn(call.functionName(), call.resultTypeName(), AlgebraicTerms.filtered(
        call.functionName() + "(" + x + ")", AlgebraicTerms.condition(call, inputColumn, false, AlgebraicTerms.W + " > 0"))));
  }

  /** Only valid when {@link #extremeLeaves} is false for the group. */
  @Override public String merge(StateColumn column, String oldValueSql, String deltaSql) {
    return (column.suffix().equals("min") ? "LEAST(" : "GREATEST(")
        + oldValueSql + ", " + deltaSql + ")";
  }

  @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
    return stateColumnRefs.get(0);
  }

  /**
   * An aggregate expression over a group's delta rows: true when the group must be rescanned
   * because a deleted row ({@code w < 0}) may have held the stored extreme {@code storedValueSql}.
   */
  public String extremeLeaves(AggregateCallView call, IntFunction<String> inputColumn, String storedValueSql) {
    String x = call.arguments().get(0).toSql(inputColumn);
    String deleted = AlgebraicTerms.filtered((isMin(call) ? "min(" : "max(") + x + ")",
        AlgebraicTerms.condition(call, inputColumn, false, AlgebraicTerms.W + " < 0"));
    return "COALESCE(" + deleted + (isMin(call) ? " <= " : " >= ") + storedValueSql + ", " + storedValueSql
        + " IS NULL AND bool_or(" + AlgebraicTerms.W + " < 0))";
  }
}
