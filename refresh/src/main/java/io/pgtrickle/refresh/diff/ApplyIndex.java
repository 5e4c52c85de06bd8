package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The index a differential stream table needs so that applying a delta costs O(delta): an expression
 * index on {@code hash_record_extended(ROW(cols…), 0)} over the row key (keyed results) or every
 * hashable column (bags), see {@link RowMatch}. Named {@code "__pgt_apply_<id>"} in the stream table's
 * schema; dropped when the stream table goes back to FULL. IMMEDIATE maintenance uses it too.
 */
public final class ApplyIndex {

  private ApplyIndex() {}

  public static String name(long pgtId) {
    return "__pgt_apply_" + pgtId;
  }

  /** The columns matched when applying: the key, or all columns of a bag. */
  public static List<Column> matchColumns(List<Column> columns, List<String> rowKey) {
    if (rowKey.isEmpty()) {
      return columns;
    }
    return rowKey.stream()
        .map(k -> columns.stream().filter(c -> c.name().equals(k)).findFirst()
            .orElseThrow(() -> new IllegalStateException("row key column " + k + " not in the table")))
        .toList();
  }

  /** Creates the index (replacing one of an earlier differential period). */
  public static void create(Connection connection, long pgtId, String schema, String storageSql,
      RowMatch match) throws SQLException {
    drop(connection, pgtId, schema);
    if (!match.indexable()) {
      return;
    }
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE INDEX " + Sql.ident(name(pgtId)) + " ON " + storageSql + " ("
          + match.hash(null) + ")");
    }
  }

  /** Drops the index if it exists. */
  public static void drop(Connection connection, long pgtId, String schema) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP INDEX IF EXISTS " + Sql.qualified(schema, name(pgtId)));
    }
  }
}
