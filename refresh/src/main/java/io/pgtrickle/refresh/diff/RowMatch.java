package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.full.ColumnComparability;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * How the apply step finds stored rows equal to a delta row on some columns (all of them for a bag,
 * the row key otherwise), in O(1) index probes per delta row.
 *
 * <p>Lookup: {@code hash_record_extended(ROW(cols…), 0)} is immutable, so the stream table gets an
 * expression index on it ({@link ApplyIndex}); a delta row probes it with the same expression over its
 * own columns (which {@link DeltaMaterializer} cast to the stored types, so equal values hash
 * equally). Columns whose type has no hash opclass (json, point, …) are left out of the hash.
 * Match: {@code IS NOT DISTINCT FROM} per column (NULLs match), by the text form for types without a
 * btree opclass (as the FULL refresh compares them). Differential refreshes and IMMEDIATE maintenance
 * both match rows this way.
 */
public final class RowMatch {

  private final List<Column> columns;
  private final List<Column> hashed;
  private final boolean[] sortable;

  private RowMatch(List<Column> columns, List<Column> hashed, boolean[] sortable) {
    this.columns = columns;
    this.hashed = hashed;
    this.sortable = sortable;
  }

  /** Matching on {@code columns} (a subset of the stream table's, in its order). */
  public static RowMatch on(Connection connection, List<Column> columns) throws SQLException {
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
    return new RowMatch(List.copyOf(columns), List.copyOf(hashed), sortable);
  }

  /** Whether an index can be used (at least one column hashes). */
  public boolean indexable() {
    return !hashed.isEmpty();
  }

  /** {@code pg_catalog.hash_record_extended(ROW(alias.c…), 0)}; alias null for bare column names. */
  public String hash(String alias) {
    StringJoiner row = new StringJoiner(", ", "ROW(", ")");
    for (Column c : hashed) {
      row.add(ref(alias, c));
    }
    return "pg_catalog.hash_record_extended(" + row + ", 0)";
  }

  /** Boolean SQL: rows {@code a} and {@code b} agree on the columns (NULLs equal). */
  public String predicate(String a, String b) {
    StringJoiner and = new StringJoiner(" AND ");
    and.setEmptyValue("true");
    if (indexable()) {
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

  /** Expressions grouping rows by these columns (DISTINCT ON / PARTITION BY), NULLs together. */
  public List<String> groupExpressions(String alias) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String ref = ref(alias, columns.get(i));
      result.add(sortable[i] ? ref : "(" + ref + ")::pg_catalog.text");
    }
    return result;
  }

  private static String ref(String alias, Column c) {
    return alias == null ? Sql.ident(c.name()) : alias + "." + Sql.ident(c.name());
  }
}
