package io.pgtrickle.spi.dvm;

import java.util.List;

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
}
