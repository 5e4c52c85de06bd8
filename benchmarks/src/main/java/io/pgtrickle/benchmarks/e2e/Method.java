package io.pgtrickle.benchmarks.e2e;

/** The ways one scenario's result is kept fresh, measured side by side on the same change batch. */
enum Method {
  /** pgtrickle stream table, refresh_mode = 'full'. */
  FULL("FULL"),
  /** PostgreSQL's own REFRESH MATERIALIZED VIEW of a plain materialized view with the same query. */
  RMV("REFRESH MV"),
  /** pgtrickle stream table, refresh_mode = 'differential'. */
  DIFF("DIFF"),
  /** pgtrickle stream table, refresh_mode = 'auto' (the executed strategy is reported). */
  AUTO("AUTO"),
  /** Hand-written incremental statements on a plain summary table: the floor. */
  FLOOR("floor");

  private final String label;

  Method(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean streamTable() {
    return this == FULL || this == DIFF || this == AUTO;
  }
}
