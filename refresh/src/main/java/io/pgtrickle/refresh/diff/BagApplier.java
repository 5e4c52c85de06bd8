package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;

/**
 * Applies a materialised delta to a stream table that is a bag (duplicates are real rows): for each
 * delta row of weight −w exactly w stored copies are deleted (by ctid, found through the
 * {@link ApplyIndex} with a LATERAL probe limited to w rows), and for weight +w, w copies are
 * inserted. One statement; the probes see the rows as they were before it, so inserted copies are
 * never deleted again. Fewer stored copies than the delta removes means the stored result has drifted
 * from the query: reported as inconsistent, and the caller refreshes FULL.
 */
final class BagApplier {

  private BagApplier() {}

  /** The statement; returns one row (inserted, deleted). */
  static String statement(String storageSql, String delta, List<Column> columns, RowMatch match) {
    String w = Sql.ident(DeltaMaterializer.WEIGHT);
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (Column c : columns) {
      names.add(Sql.ident(c.name()));
      values.add("d." + Sql.ident(c.name()));
    }
    String insertColumns = columns.isEmpty() ? "" : " (" + names + ")";
    String selectValues = columns.isEmpty() ? "" : values.toString();
    return "WITH \"__pgt_victims\" AS (SELECT v.\"ctid\" FROM " + delta + " d CROSS JOIN LATERAL ("
        + "SELECT t.\"ctid\" FROM ONLY " + storageSql + " t WHERE " + match.predicate("t", "d")
        + " LIMIT (-d." + w + ")) v WHERE d." + w + " < 0),"
        + " \"__pgt_deleted\" AS (DELETE FROM ONLY " + storageSql + " t USING \"__pgt_victims\" v"
        + " WHERE t.\"ctid\" = v.\"ctid\" RETURNING 1),"
        + " \"__pgt_inserted\" AS (INSERT INTO " + storageSql + insertColumns + " SELECT "
        + selectValues + " FROM " + delta + " d CROSS JOIN LATERAL pg_catalog.generate_series(1, d." + w
        + ") WHERE d." + w + " > 0 RETURNING 1)"
        + " SELECT (SELECT count(*) FROM \"__pgt_inserted\"), (SELECT count(*) FROM \"__pgt_deleted\")";
  }

  /** Returns false when fewer stored copies existed than the delta deletes. */
  static boolean apply(Connection connection, String storageSql, String delta, List<Column> columns,
      RowMatch match, long expectedInserts, long expectedDeletes) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(statement(storageSql, delta, columns, match))) {
      rs.next();
      return rs.getLong(1) == expectedInserts && rs.getLong(2) == expectedDeletes;
    }
  }
}
