package io.pgtrickle.spi.dvm;

import java.util.List;

/**
 * What a delta rule may read for one of its inputs. All three are relation names (CTE names or
 * qualified table names) with the same columns, {@link #columns()}, in the same order.
 *
 * @param delta the input's delta Z-set: {@link #columns()} plus the weight column
 * @param before the input's content before the change window (no weight column)
 * @param after the input's content after the change window (no weight column)
 * @param columns the input's column names (already quoted as needed)
 */
public record InputRelations(String delta, String before, String after, List<String> columns) {
  public InputRelations {
    columns = List.copyOf(columns);
  }
}
