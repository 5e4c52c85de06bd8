package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * A construct the tree can represent but no delta rule maintains yet: window functions,
 * {@code ORDER BY … LIMIT}, {@code LATERAL}, {@code WITH RECURSIVE}. Its presence makes the whole
 * query FULL-refresh-only; {@link #construct()} names it for the user ("window function row_number()").
 *
 * @param kind WINDOW, TOP_K, LATERAL or RECURSIVE_CTE
 * @param construct the precise name of the construct, as reported to the user
 * @param inputs the nodes below it that could be analysed (may be empty)
 * @param columns its output columns
 */
public record FullRefreshOnly(OperatorKind kind, String construct, List<PlanNode> inputs, List<Column> columns)
    implements PlanNode {
  public FullRefreshOnly {
    if (!kind.fullRefreshOnly()) {
      throw new IllegalArgumentException(kind + " is maintainable");
    }
    inputs = List.copyOf(inputs);
    columns = List.copyOf(columns);
  }
}
