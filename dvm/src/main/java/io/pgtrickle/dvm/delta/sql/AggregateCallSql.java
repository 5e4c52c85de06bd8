package io.pgtrickle.dvm.delta.sql;

import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.dvm.plan.AggregateCall;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders an {@link AggregateCall} back to PostgreSQL SQL over any relation that has the aggregate's
 * input fields: {@code fn([DISTINCT] args [ORDER BY …]) [FILTER (WHERE f)]}. Calcite's names are
 * mapped back to PostgreSQL's ({@code listagg} is {@code string_agg}; Calcite's {@code $sum0}, a sum
 * that gives 0 on no rows, is {@code COALESCE(sum(…), 0)}).
 */
public final class AggregateCallSql {
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  /** Calcite name → PostgreSQL name, where they differ. */
  private static final Map<String, String> RENAMED = Map.of("listagg", "string_agg");
  /** Calcite-internal aggregates with no PostgreSQL equivalent. */
  private static final java.util.Set<String> UNRENDERABLE = java.util.Set.of("single_value");

  private static final String SUM0 = "$sum0";

  private AggregateCallSql() {}

  /** The PostgreSQL function name of {@code calciteName}, or empty when the call cannot be rendered. */
  public static Optional<String> pgFunctionName(String calciteName) {
    String n = calciteName.toLowerCase(Locale.ROOT);
    if (SUM0.equals(n)) {
      return Optional.of("sum");
    }
    if (UNRENDERABLE.contains(n) || n.startsWith("$")) {
      return Optional.empty();
    }
    return Optional.of(RENAMED.getOrDefault(n, n));
  }

  /** Whether {@link #render} can render {@code call}. */
  public static boolean renderable(AggregateCall call) {
    return pgFunctionName(call.function()).isPresent();
  }

  /**
   * The call as SQL; {@code inputColumn} references input field {@code i} of the relation aggregated.
   *
   * @throws IllegalArgumentException if the call is not {@link #renderable}
   */
  public static String render(AggregateCall call, IntFunction<String> inputColumn) {
    String name = pgFunctionName(call.function())
        .orElseThrow(() -> new IllegalArgumentException("aggregate " + call.function() + " has no PostgreSQL form"));
    StringBuilder sql = new StringBuilder(PLAIN_NAME.matcher(name).matches() ? name : PgIdentifiers.quote(name));
    sql.append('(');
    if (call.arguments().isEmpty()) {
      sql.append("count".equals(name) ? "*" : "");
    } else {
      if (call.distinct()) {
        sql.append("DISTINCT ");
      }
      sql.append(call.arguments().stream().map(inputColumn::apply).collect(Collectors.joining(", ")));
    }
    if (!call.orderWithin().isEmpty()) {
      sql.append(" ORDER BY ").append(call.orderWithin().stream()
          .map(k -> inputColumn.apply(k.field()) + (k.descending() ? " DESC" : ""))
          .collect(Collectors.joining(", ")));
    }
    sql.append(')');
    call.filter().ifPresent(f -> sql.append(" FILTER (WHERE ").append(inputColumn.apply(f)).append(')'));
    return SUM0.equals(call.function().toLowerCase(Locale.ROOT)) ? "COALESCE(" + sql + ", 0)" : sql.toString();
  }
}
