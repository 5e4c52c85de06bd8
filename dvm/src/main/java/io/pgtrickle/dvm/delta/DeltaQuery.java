package io.pgtrickle.dvm.delta;

import java.util.List;

/**
 * The delta of a whole query as one PostgreSQL statement.
 *
 * @param sql {@code WITH … SELECT c0, …, __pgt_w FROM …}: one row per changed output row image with
 *     its weight (rows are not consolidated; the apply step sums weights per row)
 * @param columns the output column names, positional ({@code c0}, {@code c1}, …), weight excluded
 */
public record DeltaQuery(String sql, List<String> columns) {
  public DeltaQuery {
    columns = List.copyOf(columns);
  }
}
