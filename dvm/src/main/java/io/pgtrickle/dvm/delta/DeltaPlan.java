package io.pgtrickle.dvm.delta;

import java.util.List;

/**
 * Everything the engine needs to maintain one stream table differentially.
 *
 * @param deltaQuery a complete query (it may start with WITH) returning the stream table's user
 *     columns in order, named {@link #outputColumns()}, then the {@link #hiddenColumns()}, plus
 *     {@code "__pgt_w"} (bigint): the net
 *     change of the query's result over the window, consolidated (one row per distinct row content,
 *     weights summed, zero weights dropped). Applying it to the stored result (delete −w copies of
 *     rows with negative weight, insert w copies of rows with positive weight) gives the new result.
 * @param outputColumns the user column names of the stream table, in order
 * @param rowKey indexes into {@link #outputColumns()} of columns that identify a row uniquely in
 *     the result (the group keys of a root aggregate, every column of a root DISTINCT); empty when
 *     the result is a bag that may hold duplicate rows. NULLs in key columns are matched with
 *     IS NOT DISTINCT FROM.
 * @param treeText the operator tree, one node per line, for explain (with how hidden state is kept)
 * @param hiddenColumns the hidden state columns ({@code __pgt_…}) the stream table keeps after its
 *     user columns, in order; empty when it keeps none
 * @param stateQuery when there are hidden columns: the query computing the whole result over the
 *     live sources, user columns then hidden columns, for FULL refreshes; else null
 */
public record DeltaPlan(String deltaQuery, List<String> outputColumns, List<Integer> rowKey, String treeText,
    List<String> hiddenColumns, String stateQuery) {

  /** The weight column of every Z-set. */
  public static final String WEIGHT_COLUMN = "__pgt_w";

  public DeltaPlan {
    outputColumns = List.copyOf(outputColumns);
    rowKey = List.copyOf(rowKey);
    hiddenColumns = List.copyOf(hiddenColumns);
    if (hiddenColumns.isEmpty() != (stateQuery == null)) {
      throw new IllegalArgumentException("a state query goes with hidden columns");
    }
  }

  /** A plan that keeps no hidden state. */
  public DeltaPlan(String deltaQuery, List<String> outputColumns, List<Integer> rowKey, String treeText) {
    this(deltaQuery, outputColumns, rowKey, treeText, List.of(), null);
  }
}
