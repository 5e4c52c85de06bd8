package io.pgtrickle.spi.dvm;

import java.util.List;

/**
 * A delta rule's output: CTEs to add to the statement, in order, and the name of the one that holds
 * the operator's delta (its output columns plus {@link DeltaContext#WEIGHT_COLUMN}).
 *
 * @param ctes definitions to append to the {@code WITH} list (each may reference earlier ones)
 * @param result name of the CTE (or input relation) holding the delta
 */
public record DeltaSql(List<Cte> ctes, String result) {
  public DeltaSql {
    ctes = List.copyOf(ctes);
  }

  /** A delta that is one CTE. */
  public static DeltaSql of(String name, String query) {
    return new DeltaSql(List.of(new Cte(name, query)), name);
  }

  /**
   * One common table expression.
   *
   * @param name its name
   * @param query its body, a complete SELECT (without the surrounding parentheses)
   */
  public record Cte(String name, String query) {}
}
