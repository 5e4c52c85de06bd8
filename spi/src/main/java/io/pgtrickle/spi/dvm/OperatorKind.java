package io.pgtrickle.spi.dvm;

/** The kinds of operator in an analysed query; one {@link DeltaRule} per kind (or finer). */
public enum OperatorKind {
  /** Read of a source relation. */
  SCAN,
  /** WHERE/HAVING predicate. */
  FILTER,
  /** Computed output columns. */
  PROJECT,
  /** INNER, LEFT, RIGHT or FULL join. */
  JOIN,
  /** EXISTS / IN. */
  SEMI_JOIN,
  /** NOT EXISTS / NOT IN. */
  ANTI_JOIN,
  /** GROUP BY with aggregate calls (or a single group without GROUP BY). */
  AGGREGATE,
  /** SELECT DISTINCT. */
  DISTINCT,
  /** UNION [ALL], INTERSECT [ALL], EXCEPT [ALL]. */
  SET_OP,
  /** Window functions: only FULL refresh today. */
  WINDOW,
  /** ORDER BY … LIMIT/OFFSET: only FULL refresh today. */
  TOP_K,
  /** LATERAL: only FULL refresh today. */
  LATERAL,
  /** WITH RECURSIVE: only FULL refresh today. */
  RECURSIVE_CTE;

  /** True for the kinds no delta rule exists for yet; the engine refreshes such queries in full. */
  public boolean fullRefreshOnly() {
    return this == WINDOW || this == TOP_K || this == LATERAL || this == RECURSIVE_CTE;
  }
}
