package io.pgtrickle.dvm.plan;

import java.util.List;
import java.util.OptionalInt;

/**
 * One aggregate call of an {@link Aggregate}.
 *
 * @param function the PostgreSQL function name, lower case ({@code count}, {@code sum}, {@code string_agg})
 * @param arguments input field indexes of the arguments; empty for {@code count(*)}
 * @param distinct {@code DISTINCT} inside the call
 * @param filter input field index of the boolean {@code FILTER (WHERE …)} column, if any
 * @param orderWithin input field indexes of {@code ORDER BY} inside the call, with directions
 * @param column the output column
 */
public record AggregateCall(String function, List<Integer> arguments, boolean distinct,
    OptionalInt filter, List<SortKey> orderWithin, Column column) {
  public AggregateCall {
    arguments = List.copyOf(arguments);
    orderWithin = List.copyOf(orderWithin);
  }

  /**
   * One ORDER BY key.
   *
   * @param field input field index
   * @param descending DESC
   */
  public record SortKey(int field, boolean descending) {}
}
