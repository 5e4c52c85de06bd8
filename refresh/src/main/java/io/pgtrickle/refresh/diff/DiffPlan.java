package io.pgtrickle.refresh.diff;

import java.util.List;
import java.util.Set;

/**
 * What the engine keeps of a differential stream table's derivation: the delta query (constant per
 * stream table; each refresh wraps the window CTE around it), the result's row identity in storage
 * column names (empty = bag), the operator tree for explain, and per source the columns it reads.
 */
public record DiffPlan(
    String deltaQuery, List<String> rowKey, String treeText, List<SourceColumns> sources) {

  public DiffPlan {
    rowKey = List.copyOf(rowKey);
    sources = List.copyOf(sources);
  }

  /** A source table and the columns of it the query references (what must be captured). */
  public record SourceColumns(long oid, String schema, String name, Set<String> columns) {
    public SourceColumns {
      columns = Set.copyOf(columns);
    }
  }
}
