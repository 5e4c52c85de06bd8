package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.sql.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalog side of IMMEDIATE maintenance: the plan in {@code pgt_stream_tables} (effective mode
 * {@code immediate}, operator tree, delta query, row key, hidden state columns and state query; no
 * frontier) and the stream table's lock row
 * in {@code pgt_immediate} (V4).
 */
final class ImmediateState {

  private static final String TABLE = Sql.catalog("pgt_stream_tables");
  private static final String LOCKS = Sql.catalog("pgt_immediate");

  private ImmediateState() {}

  static void store(Connection connection, long pgtId, ImmediatePlan plan) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"effective_mode\" = 'immediate', \"fallback_reason\" = NULL,"
                + " \"operator_tree\" = ?, \"delta_query\" = ?, \"row_key\" = ?, \"frontier\" = NULL,"
                + " \"frontier_own_xid\" = NULL, \"frontier_own_command\" = NULL,"
                + " \"hidden_columns\" = ?, \"state_query\" = ?,"
                + " \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setString(1, plan.treeText());
      ps.setString(2, plan.deltaQuery());
      Array key = connection.createArrayOf("text", plan.rowKey().toArray());
      ps.setArray(3, key);
      ps.setArray(4, connection.createArrayOf("text", plan.hiddenColumns().toArray()));
      ps.setString(5, plan.stateQuery());
      ps.setLong(6, pgtId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO " + LOCKS + " (\"pgt_id\") VALUES (?) ON CONFLICT (\"pgt_id\") DO NOTHING")) {
      ps.setLong(1, pgtId);
      ps.executeUpdate();
    }
  }

  /**
   * Takes the maintenance lock of an IMMEDIATE stream table (waits for a writer that maintains it until
   * that writer's transaction ends). Anything that writes the stream table outside the triggers (a
   * REFRESH) must take it first.
   */
  static void lock(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + LOCKS + " SET \"last_xid\" = pg_catalog.pg_current_xact_id(),"
                + " \"last_maintained_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      ps.executeUpdate();
    }
  }

  /** Hidden state columns (in storage order) and the state query computing user and hidden columns. */
  record Hidden(List<String> columns, String stateQuery) {}

  /** The stored hidden state of an IMMEDIATE stream table, if it keeps any. */
  static Optional<Hidden> hidden(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT \"hidden_columns\", \"state_query\" FROM " + TABLE + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Array columns = rs.getArray(1);
        String stateQuery = rs.getString(2);
        if (columns == null || stateQuery == null) {
          return Optional.empty();
        }
        List<String> names = Arrays.asList((String[]) columns.getArray());
        return names.isEmpty() ? Optional.empty() : Optional.of(new Hidden(List.copyOf(names), stateQuery));
      }
    }
  }

  static void remove(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + LOCKS + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      ps.executeUpdate();
    }
  }
}
