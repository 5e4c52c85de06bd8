package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.util.List;
import java.util.function.IntFunction;

/**
 * MIN(x) and MAX(x): the state is the visible value; inserted rows merge with
 * {@code LEAST(old, min of inserted x)} (GREATEST for max; both ignore NULLs). A group must be
 * rescanned when a deleted row may have held the extreme: {@link #rescanWhen} is true when the
 * smallest (largest) deleted x ({@link #leavingSql}) is ≤ (≥) the stored value.
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

  /** Only valid when {@link #rescanWhen} is false for the group. */
  @Override public String merge(StateColumn column, String oldValueSql, String deltaSql) {
    return (column.suffix().equals("min") ? "LEAST(" : "GREATEST(")
        + oldValueSql + ", " + deltaSql + ")";
  }

  @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
    return stateColumnRefs.get(0);
  }

  /** The extreme of the deleted rows ({@code w < 0}) the call sees: the smallest for min, largest for max. */
  @Override public String leavingSql(AggregateCallView call, IntFunction<String> inputColumn) {
    String x = call.arguments().get(0).toSql(inputColumn);
    return AlgebraicTerms.filtered(call.functionName() + "(" + x + ")",
        AlgebraicTerms.condition(call, inputColumn, false, AlgebraicTerms.W + " < 0"));
  }

  /**
   * Rescan when a deleted value may have been the stored extreme: the deleted extreme is ≤ (min) or
   * ≥ (max) the stored one, or a non-NULL value left a group whose stored extreme is NULL (which
   * cannot happen unless the state is off; the rescan repairs it).
   */
  @Override public String rescanWhen(AggregateCallView call, String leavingRef, List<String> oldStateRefs) {
    return "COALESCE(" + leavingRef + (isMin(call) ? " <= " : " >= ") + oldStateRefs.get(0) + ", "
        + leavingRef + " IS NOT NULL)";
  }
}
