package io.pgtrickle.benchmarks.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads what the engine recorded about a stream table's last refresh ({@code pgtrickle.pgt_refresh_history}). */
final class RefreshHistory {

  /** One history row: what ran and how many rows it moved. */
  record Entry(String executedStrategy, long rowsInserted, long rowsDeleted, double durationMs) {}

  private RefreshHistory() {}

  /** The stream table's id, by its schema-qualified name as {@code pgt_status} shows it. */
  static long pgtId(Connection c, String qualifiedName) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pgt_id FROM pgtrickle.pgt_status WHERE name = ?")) {
      ps.setString(1, qualifiedName);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no stream table " + qualifiedName + " in pgtrickle.pgt_status");
        }
        return rs.getLong(1);
      }
    }
  }

  /** The latest history row of stream table {@code pgtId}. */
  static Entry last(Connection c, long pgtId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT executed_strategy, coalesce(rows_inserted, -1),"
        + " coalesce(rows_deleted, -1), duration_ms FROM pgtrickle.pgt_refresh_history WHERE pgt_id = ?"
        + " ORDER BY history_id DESC LIMIT 1")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no refresh history for stream table " + pgtId);
        }
        return new Entry(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4));
      }
    }
  }
}
