package io.pgtrickle.spi.dvm;

import java.util.List;
import java.util.Optional;

/**
 * What a delta rule may read for one of its inputs (or, for a scan, for its source relation). All are
 * relation names (CTE names or qualified table names) whose columns are {@link #columns()}, in order.
 *
 * @param delta the input's delta Z-set: {@link #columns()} plus {@link DeltaContext#WEIGHT_COLUMN}
 * @param before the input's content before the change window, when the differentiator provides it
 * @param after the input's content after the change window, when the differentiator provides it
 * @param columns the column names, already quoted as SQL needs them
 */
public record InputRelations(String delta, Optional<String> before, Optional<String> after, List<String> columns) {
  public InputRelations {
    columns = List.copyOf(columns);
  }

  /** Only the delta is available (enough for rules that are linear in one input). */
  public static InputRelations deltaOnly(String delta, List<String> columns) {
    return new InputRelations(delta, Optional.empty(), Optional.empty(), columns);
  }
}
