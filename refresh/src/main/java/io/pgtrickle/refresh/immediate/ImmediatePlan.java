package io.pgtrickle.refresh.immediate;

import java.util.List;

/**
 * What IMMEDIATE maintenance of one stream table is generated from: the delta query over the
 * session's change buffers ({@link BufferBindings}), the stored columns it produces, the row key (empty
 * = bag), the operator tree, and per source the columns the buffers hold.
 */
record ImmediatePlan(String deltaQuery, List<String> outputColumns, List<String> rowKey,
    String treeText, List<Source> sources) {

  ImmediatePlan {
    outputColumns = List.copyOf(outputColumns);
    rowKey = List.copyOf(rowKey);
    sources = List.copyOf(sources);
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
