package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.full.ColumnComparability;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A btree index on the row key of a keyed IMMEDIATE stream table ({@code "__pgt_imm_<id>_key"}): the
 * delta of a root aggregate reads the stored old row of each touched group by plain equality on the
 * group key ({@code s.k = Δ.k}), which the hash-expression apply index cannot serve, so without it
 * every write would scan the whole stream table. Created only when every key column has a btree
 * opclass; dropped with IMMEDIATE mode (and with the table).
 */
final class KeyIndex {

  private KeyIndex() {}

  static String name(long pgtId) {
    return "__pgt_imm_" + pgtId + "_key";
  }

  /** Creates the index (replacing an earlier one) when {@code key} is non-empty and sortable. */
  static void create(Connection connection, long pgtId, String schema, String storageSql, List<Column> key)
      throws SQLException {
    drop(connection, pgtId, schema);
    if (key.isEmpty()) {
      return;
    }
    ColumnComparability btree = new ColumnComparability(connection);
    for (Column c : key) {
      if (!btree.sortable(c.typeOid())) {
        return;
      }
    }
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE INDEX " + Sql.ident(name(pgtId)) + " ON " + storageSql + " ("
          + Sql.identList(key.stream().map(Column::name).toList()) + ")");
    }
  }

  static void drop(Connection connection, long pgtId, String schema) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP INDEX IF EXISTS " + Sql.qualified(schema, name(pgtId)));
    }
  }
}
