package io.pgtrickle.spi.dvm;

import java.util.List;
import java.util.function.IntFunction;

/**
 * How the aggregate delta rule maintains one family of aggregate functions. The stream table keeps,
 * per group, hidden state columns ({@code __pgt_…}) from which the visible value is computed; a
 * refresh aggregates the input delta into per-group state deltas and merges them with the stored state.
 */
public interface AggregateStrategy {
  /** How a strategy keeps its aggregate up to date. */
  enum Maintenance {
    /** new state = old state + Δ state (count, sum, avg via sum and count, var/stddev via sums of squares). */
    ALGEBRAIC,
    /** Algebraic for inserts; affected groups are rescanned when an extreme value leaves (min, max). */
    RESCAN_ON_DELETE,
    /** Affected groups are recomputed from the sources (string_agg, array_agg, percentiles, …). */
    GROUP_RESCAN
  }

  /**
   * One hidden state column.
   *
   * @param suffix name suffix, unique within the strategy ({@code sum}, {@code count})
   * @param pgType its PostgreSQL type ({@code bigint}, {@code numeric}, …)
   * @param deltaSql an aggregate expression over the delta rows that gives this column's change
   *     for a group, e.g. {@code sum(x * __pgt_w)}
   */
  record StateColumn(String suffix, String pgType, String deltaSql) {}

  /** True if this strategy maintains {@code call}. Looked up in registration order. */
  boolean handles(AggregateCallView call);

  /** How {@link #stateColumns} are kept up to date. */
  Maintenance maintenance();

  /**
   * The state columns for {@code call}. {@code inputColumn} renders an input field of the delta
   * relation; the weight column is {@link DeltaContext#WEIGHT_COLUMN}. For a FILTER clause the
   * strategy folds the predicate into its delta expressions.
   */
  List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn);

  /**
   * Merges a stored state value and its delta, e.g. {@code old + delta}. {@code column} is one of
   * {@link #stateColumns}'s results.
   */
  default String merge(StateColumn column, String oldValueSql, String deltaSql) {
    return "(" + oldValueSql + " + " + deltaSql + ")";
  }

  /**
   * The visible aggregate value from the state columns' SQL references (same order as
   * {@link #stateColumns}), e.g. {@code CASE WHEN c = 0 THEN NULL ELSE s END}.
   */
  String finalValue(AggregateCallView call, List<String> stateColumnRefs);

  /**
   * {@link Maintenance#RESCAN_ON_DELETE} only: an aggregate expression over a group's delta rows
   * (like {@link StateColumn#deltaSql}) summarising what left the group, e.g. the smallest deleted
   * value for {@code min}. Its value is handed to {@link #rescanWhen}.
   */
  default String leavingSql(AggregateCallView call, IntFunction<String> inputColumn) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " never rescans on delete");
  }

  /**
   * {@link Maintenance#RESCAN_ON_DELETE} only: a boolean SQL expression, true when the group must be
   * recomputed from its rows because {@link #merge} cannot be trusted, from the value of
   * {@link #leavingSql} and the group's stored state columns (NULL for a group not stored yet).
   */
  default String rescanWhen(AggregateCallView call, String leavingRef, List<String> oldStateRefs) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " never rescans on delete");
  }
}
