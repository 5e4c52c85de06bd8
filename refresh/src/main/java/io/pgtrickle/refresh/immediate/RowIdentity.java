package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.full.ColumnComparability;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * How IMMEDIATE maintenance finds the stored rows of a delta row: by the row key (keyed results) or by
 * every column (bags). The stream table gets an expression index on
 * {@code hash_record_extended(ROW(cols…), 0)} over the hashable columns ({@link #indexDdl}); a delta
 * row probes it with the same expression over its own columns (cast to the stored types), then every
 * column is compared with IS NOT DISTINCT FROM (by the text form for types without a btree opclass).
 */
final class RowIdentity {

  private final List<Column> columns;
  private final List<Column> hashed;
  private final boolean[] sortable;

  private RowIdentity(List<Column> columns, List<Column> hashed, boolean[] sortable) {
    this.columns = columns;
    this.hashed = hashed;
    this.sortable = sortable;
  }

  static RowIdentity on(Connection connection, List<Column> columns) throws SQLException {
    ColumnComparability hash = new ColumnComparability(connection, "hash");
    ColumnComparability btree = new ColumnComparability(connection);
    List<Column> hashed = new ArrayList<>();
    boolean[] sortable = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (hash.sortable(c.typeOid())) {
        hashed.add(c);
      }
      sortable[i] = btree.sortable(c.typeOid());
    }
    return new RowIdentity(List.copyOf(columns), List.copyOf(hashed), sortable);
  }

  /** The index name on a stream table. */
  static String indexName(long pgtId) {
    return "__pgt_imm_" + pgtId;
  }

  /** {@code CREATE INDEX …}, or null when no column hashes. */
  String indexDdl(long pgtId, String storageSql) {
    return hashed.isEmpty() ? null
        : "CREATE INDEX " + Sql.ident(indexName(pgtId)) + " ON " + storageSql + " (" + hash(null) + ")";
  }

  /** Boolean SQL: rows {@code a} and {@code b} agree on the identity columns (NULLs equal). */
  String predicate(String a, String b) {
    StringJoiner and = new StringJoiner(" AND ");
    and.setEmptyValue("true");
    if (!hashed.isEmpty()) {
      and.add(hash(a) + " = " + hash(b));
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (sortable[i]) {
        and.add(ref(a, c) + " IS NOT DISTINCT FROM " + ref(b, c));
      } else {
        and.add("(" + ref(a, c) + ")::pg_catalog.text IS NOT DISTINCT FROM (" + ref(b, c)
            + ")::pg_catalog.text");
      }
    }
    return and.toString();
  }

  /** Expressions grouping rows by the identity columns (NULLs together). */
  List<String> groupExpressions(String alias) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String ref = ref(alias, columns.get(i));
      result.add(sortable[i] ? ref : "(" + ref + ")::pg_catalog.text");
    }
    return result;
  }

  private String hash(String alias) {
    StringJoiner row = new StringJoiner(", ", "ROW(", ")");
    for (Column c : hashed) {
      row.add(ref(alias, c));
    }
    return "pg_catalog.hash_record_extended(" + row + ", 0)";
  }

  private static String ref(String alias, Column c) {
    return alias == null ? Sql.ident(c.name()) : alias + "." + Sql.ident(c.name());
  }
}
