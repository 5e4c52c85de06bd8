package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/** SQL pieces the algebraic strategies share: weighted sums over delta rows, FILTER folding. */
final class AlgebraicTerms {
  /**
   * Types whose sums are exact (no float rounding), so that old + Δ equals a recomputation; and
   * {@code numeric(p,s)} (fixed display scale). Not plain {@code numeric}: a sum over values of
   * scales 0 and 2 keeps scale 2 after the scale-2 value leaves, where a recomputation prints scale 0.
   */
  private static final Set<String> EXACT = Set.of("smallint", "integer", "bigint");

  private AlgebraicTerms() {}

  static final String W = DeltaContext.WEIGHT_COLUMN;

  /** Whether the single argument of {@code call} has an exact numeric type of fixed scale. */
  static boolean exactArgument(AggregateCallView call) {
    if (call.arguments().size() != 1) {
      return false;
    }
    String t = call.arguments().get(0).pgTypeName();
    return EXACT.contains(t) || t.startsWith("numeric(");
  }

  /**
   * PostgreSQL's result type of {@code sum} over the call's exact argument: bigint for smallint and
   * integer, numeric for bigint and numeric. Every term is cast to it before it is weighted, so no
   * product overflows.
   */
  static String sumType(AggregateCallView call) {
    String t = call.arguments().get(0).pgTypeName();
    return t.equals("smallint") || t.equals("integer") ? "bigint" : "numeric";
  }

  /** The rows the call sees: FILTER and, when {@code nonNullArgs}, every argument not NULL; or null for all. */
  static String condition(AggregateCallView call, IntFunction<String> in, boolean nonNullArgs, String extra) {
    List<String> parts = new ArrayList<>();
    if (nonNullArgs) {
      for (SqlExpression a : call.arguments()) {
        parts.add(a.toSql(in) + " IS NOT NULL");
      }
    }
    call.filter().ifPresent(f -> parts.add("(" + f.toSql(in) + ")"));
    if (extra != null) {
      parts.add(extra);
    }
    return parts.isEmpty() ? null : String.join(" AND ", parts);
  }

  /** {@code agg FILTER (WHERE condition)}, or just {@code agg}. */
  static String filtered(String aggregate, String condition) {
    return condition == null ? aggregate : aggregate + " FILTER (WHERE " + condition + ")";
  }

  /** The net number of rows the call counts: {@code Σ w} over its rows, 0 when none. */
  static String netCount(AggregateCallView call, IntFunction<String> in, boolean nonNullArgs) {
    return "CAST(COALESCE(" + filtered("sum(" + W + ")", condition(call, in, nonNullArgs, null)) + ", 0) AS bigint)";
  }

  /** {@code COALESCE(old, 0) + COALESCE(Δ, 0)}: a group without a stored state starts at 0. */
  static String addWithZero(String oldValueSql, String deltaSql) {
    return "(COALESCE(" + oldValueSql + ", 0) + COALESCE(" + deltaSql + ", 0))";
  }
}
