package io.pgtrickle.refresh.diff;

import java.util.List;
import java.util.Set;

/**
 * What the engine keeps of a differential stream table's derivation: the delta query (constant per
 * stream table; each refresh wraps the window CTE around it), the result's row identity in storage
 * column names (empty = bag), the operator tree for explain, per source the columns it reads, and the
 * hidden state columns with the query that computes them (null when there are none).
 */
public record DiffPlan(String deltaQuery, List<String> rowKey, String treeText, List<SourceColumns> sources,
    List<String> hiddenColumns, String stateQuery) {

  public DiffPlan {
    rowKey = List.copyOf(rowKey);
    sources = List.copyOf(sources);
    hiddenColumns = List.copyOf(hiddenColumns);
  }

  /** A plan without hidden state. */
  public DiffPlan(String deltaQuery, List<String> rowKey, String treeText, List<SourceColumns> sources) {
    this(deltaQuery, rowKey, treeText, sources, List.of(), null);
  }

  /** A source table and the columns of it the query references (what must be captured). */
  public record SourceColumns(long oid, String schema, String name, Set<String> columns) {
    public SourceColumns {
      columns = Set.copyOf(columns);
    }
  }
}
