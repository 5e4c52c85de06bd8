package io.pgtrickle.spi.dvm;

import java.util.List;
import java.util.Optional;

/** What a {@link DeltaRule} is given besides its operator. */
public interface DeltaContext {
  /** Name of the integer weight column of every delta Z-set. */
  String WEIGHT_COLUMN = "__pgt_w";

  /** The relations of each input of the operator, in the operator's input order. */
  List<InputRelations> inputs();

  /**
   * A fresh CTE name, unique in the statement being built; {@code hint} makes it readable in
   * {@code EXPLAIN} ({@code "filter"} gives e.g. {@code __pgt_d3_filter}).
   */
  String newCteName(String hint);

  /** The output column names the operator's delta must have, in order (already quoted as needed). */
  List<String> outputColumns();

  /**
   * True when the operator is the root of the query's tree: its delta is the stream table's delta
   * (before consolidation), and {@link #outputColumns()} are then the stream table's user column
   * names (quoted), i.e. the column names of {@link #storedResult()}.
   */
  default boolean isRoot() {
    return false;
  }

  /**
   * For the root operator: the stream table (schema-qualified, quoted), holding the query's result
   * as of the previous refresh, i.e. the root's state before the change window, plus any hidden
   * {@code __pgt_…} columns the rules keep there. A root rule may read old rows (or hidden state)
   * from it instead of recomputing them. Empty for every other operator.
   */
  default Optional<String> storedResult() {
    return Optional.empty();
  }

  /**
   * For the root operator: whether its rule may keep hidden state columns in {@link #storedResult()}
   * (the engine stores and computes them). False for every other operator, and for the root when the
   * engine maintains the stream table's user columns only.
   */
  default boolean hiddenStateAllowed() {
    return false;
  }
}
