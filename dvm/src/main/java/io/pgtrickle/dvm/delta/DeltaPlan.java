package io.pgtrickle.dvm.delta;

import java.util.List;

/**
 * Everything the engine needs to maintain one stream table differentially.
 *
 * @param deltaQuery a complete query (it may start with WITH) returning the stream table's user
 *     columns in order, named {@link #outputColumns()}, plus {@code "__pgt_w"} (bigint): the net
 *     change of the query's result over the window, consolidated (one row per distinct row content,
 *     weights summed, zero weights dropped). Applying it to the stored result (delete −w copies of
 *     rows with negative weight, insert w copies of rows with positive weight) gives the new result.
 * @param outputColumns the user column names of the stream table, in order
 * @param rowKey indexes into {@link #outputColumns()} of columns that identify a row uniquely in
 *     the result (the group keys of a root aggregate, every column of a root DISTINCT); empty when
 *     the result is a bag that may hold duplicate rows. NULLs in key columns are matched with
 *     IS NOT DISTINCT FROM.
 * @param treeText the operator tree, one node per line, for explain
 */
public record DeltaPlan(String deltaQuery, List<String> outputColumns, List<Integer> rowKey, String treeText) {

  /** The weight column of every Z-set. */
  public static final String WEIGHT_COLUMN = "__pgt_w";

  public DeltaPlan {
    outputColumns = List.copyOf(outputColumns);
    rowKey = List.copyOf(rowKey);
  }
}
