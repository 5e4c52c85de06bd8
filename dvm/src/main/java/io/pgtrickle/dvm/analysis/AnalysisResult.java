package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Scan;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdict of analysing a stream table's query: either an operator tree that delta rules can
 * maintain, or the reason it cannot be (the engine then refreshes in FULL, naming the reason).
 */
public sealed interface AnalysisResult {

  /** True for {@link Supported}. */
  default boolean isSupported() {
    return this instanceof Supported;
  }

  /**
   * A maintainable query.
   *
   * @param root the operator tree
   * @param outputColumns the query's output columns (names as the query gives them)
   */
  record Supported(PlanNode root, List<Column> outputColumns) implements AnalysisResult {
    public Supported {
      outputColumns = List.copyOf(outputColumns);
    }

    /** OIDs of the relations the query reads. */
    public Set<Long> sourceOids() {
      return root.descendantsAndSelf().filter(Scan.class::isInstance).map(n -> ((Scan) n).relationOid())
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /**
   * Not maintainable differentially.
   *
   * @param reason names the construct, e.g. "window function row_number()", "LIMIT",
   *     "volatile function random()", "analysis disagrees with PostgreSQL on column 2: …"
   */
  record Unsupported(String reason) implements AnalysisResult {}
}
