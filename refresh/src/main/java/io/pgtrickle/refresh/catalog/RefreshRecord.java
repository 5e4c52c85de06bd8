package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The end of a successful refresh in <em>one</em> statement: the catalog row marked refreshed (as
 * {@link StreamTableCatalog#markRefreshed} with data), optionally further columns of it (a differential
 * stream table's frontier), and the history row ({@link HistoryRecorder#insertSucceededFrom}), as
 * data-modifying CTEs. One round trip instead of three; the writes are the same.
 */
public final class RefreshRecord {

  /** Name of the CTE that updates the catalog row (returns {@code "pgt_id"} when it did). */
  public static final String REFRESHED_CTE = Sql.ident("__pgt_refreshed");

  private static final String HISTORY_CTE = Sql.ident("__pgt_history");

  /** Binds parameters from an index; returns the next index. */
  @FunctionalInterface
  public interface Binder {
    int bind(PreparedStatement ps, int index) throws SQLException;
  }

  private RefreshRecord() {}

  /**
   * The two CTEs (without {@code WITH}): the catalog update, limited to the rows of {@code from} (a
   * FROM item, or null) that satisfy {@code condition} (SQL, or null), and the history insert for the
   * row it updated. Parameters in order: those of {@code extraSet}, the stream table's id, then
   * {@link HistoryRecorder#bindSucceeded}'s.
   *
   * @param extraSet further SET items (null: none)
   */
  public static String ctes(String extraSet, String from, String condition) {
    return REFRESHED_CTE + " AS (UPDATE " + StreamTableCatalog.TABLE + " AS t SET "
        + StreamTableCatalog.REFRESHED_SET + (extraSet == null ? "" : ", " + extraSet)
        + (from == null ? "" : " FROM " + from)
        + " WHERE t.\"pgt_id\" = ?" + (condition == null ? "" : " AND (" + condition + ")")
        + " RETURNING t.\"pgt_id\"), "
        + HISTORY_CTE + " AS (" + HistoryRecorder.insertSucceededFrom(REFRESHED_CTE) + " RETURNING 1)";
  }

  /** Binds the stream table's id and the history row after the {@code extraSet} parameters. */
  public static int bind(PreparedStatement ps, int index, long pgtId, HistoryRecorder.Success success)
      throws SQLException {
    ps.setLong(index, pgtId);
    return HistoryRecorder.bindSucceeded(ps, index + 1, success);
  }

  /** Writes the refresh's end; {@code extraSet} (null: none) with its parameters bound by {@code extra}. */
  public static void write(Connection connection, long pgtId, String extraSet, Binder extra,
      HistoryRecorder.Success success) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "WITH " + ctes(extraSet, null, null) + " SELECT pg_catalog.count(*) FROM " + REFRESHED_CTE)) {
      int next = extra == null ? 1 : extra.bind(ps, 1);
      bind(ps, next, pgtId, success);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }
}
