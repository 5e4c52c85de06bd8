package io.pgtrickle.refresh.immediate;

import java.util.List;

/**
 * What IMMEDIATE maintenance of one stream table is generated from: the delta query over the
 * session's change buffers ({@link BufferBindings}), the user columns it produces, the row key (empty
 * = bag), the operator tree, per source the columns the buffers hold, and the hidden state columns
 * the stream table keeps after its user columns with the query computing user and hidden columns
 * (none and null when the root keeps no state).
 */
record ImmediatePlan(String deltaQuery, List<String> outputColumns, List<String> rowKey,
    String treeText, List<Source> sources, List<String> hiddenColumns, String stateQuery) {

  ImmediatePlan {
    outputColumns = List.copyOf(outputColumns);
    rowKey = List.copyOf(rowKey);
    sources = List.copyOf(sources);
    hiddenColumns = List.copyOf(hiddenColumns);
    if (hiddenColumns.isEmpty() != (stateQuery == null)) {
      throw new IllegalArgumentException("a state query goes with hidden columns");
    }
  }

  /**
   * A source table and the columns of it the query references, in first-use order, with their types
   * as {@code format_type} renders them.
   */
  record Source(long oid, String schema, String name, List<String> columns, List<String> types) {
    Source {
      columns = List.copyOf(columns);
      types = List.copyOf(types);
    }
  }
}
