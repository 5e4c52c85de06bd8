package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.OwnMark;
import io.pgtrickle.spi.cdc.PgSnapshot;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The differential part of a stream table's catalog row (V2 and V5 columns): plan, frontier,
 * FULL-fallback reason, hidden state columns and their state query; and the captured sources from
 * {@code pgt_dependencies}.
 */
public final class DiffState {

  private static final String TABLE = Sql.catalog("pgt_stream_tables");
  private static final String DEPENDENCIES = Sql.catalog("pgt_dependencies");

  private DiffState() {}

  /**
   * What a differential refresh reads.
   *
   * @param hiddenColumns the hidden state columns, in storage order (empty: none)
   * @param stateQuery the query computing user and hidden columns for FULL (null: none)
   * @param ownMark the frontier's own-transaction mark (null: none; see {@link OwnMark})
   */
  public record Loaded(PgSnapshot frontier, String deltaQuery, List<String> rowKey, List<Long> sources,
      List<String> hiddenColumns, String stateQuery, OwnMark ownMark) {
    public Loaded {
      hiddenColumns = List.copyOf(hiddenColumns);
    }

    /** Without hidden state. */
    public Loaded(PgSnapshot frontier, String deltaQuery, List<String> rowKey, List<Long> sources) {
      this(frontier, deltaQuery, rowKey, sources, List.of(), null, null);
    }
  }

  /** Stores a differential plan: effective mode differential, no fallback reason. */
  public static void storePlan(Connection connection, long pgtId, DiffPlan plan) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"effective_mode\" = 'differential', \"fallback_reason\" = NULL,"
                + " \"operator_tree\" = ?, \"delta_query\" = ?, \"row_key\" = ?, \"hidden_columns\" = ?,"
                + " \"state_query\" = ?, \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setString(1, plan.treeText());
      ps.setString(2, plan.deltaQuery());
      Array key = connection.createArrayOf("text", plan.rowKey().toArray());
      ps.setArray(3, key);
      ps.setArray(4, connection.createArrayOf("text", plan.hiddenColumns().toArray()));
      ps.setString(5, plan.stateQuery());
      ps.setLong(6, pgtId);
      ps.executeUpdate();
    }
  }

  /** Stores FULL maintenance (with the reason when differential was asked for), forgetting any plan. */
  public static void storeFull(Connection connection, long pgtId, String reason) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"effective_mode\" = 'full', \"fallback_reason\" = ?,"
                + " \"operator_tree\" = NULL, \"delta_query\" = NULL, \"row_key\" = NULL,"
                + " \"hidden_columns\" = NULL, \"state_query\" = NULL,"
                + " \"frontier\" = NULL, \"frontier_own_xid\" = NULL, \"frontier_own_command\" = NULL,"
                + " \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setString(1, reason);
      ps.setLong(2, pgtId);
      ps.executeUpdate();
    }
  }

  /** Stores the frontier (null: the next refresh repopulates with a new one) without a mark. */
  public static void storeFrontier(Connection connection, long pgtId, PgSnapshot frontier)
      throws SQLException {
    storeFrontier(connection, pgtId, frontier, null);
  }

  /** Stores the frontier and its own-transaction mark (null: none). */
  public static void storeFrontier(Connection connection, long pgtId, PgSnapshot frontier, OwnMark mark)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"frontier\" = ?::pg_catalog.pg_snapshot,"
                + " \"frontier_own_xid\" = ?::text::pg_catalog.xid8, \"frontier_own_command\" = ?"
                + " WHERE \"pgt_id\" = ?")) {
      ps.setString(1, frontier == null ? null : frontier.text());
      boolean marked = frontier != null && mark != null;
      ps.setString(2, marked ? Long.toString(mark.xid()) : null);
      ps.setObject(3, marked ? mark.commandId() : null, Types.BIGINT);
      ps.setLong(4, pgtId);
      ps.executeUpdate();
    }
  }

  /** Reads the differential state (call with the catalog row claimed). */
  public static Loaded load(Connection connection, long pgtId) throws SQLException {
    PgSnapshot frontier;
    String deltaQuery;
    List<String> rowKey;
    List<String> hidden;
    String stateQuery;
    OwnMark mark;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT \"frontier\"::text, \"delta_query\", \"row_key\", \"hidden_columns\", \"state_query\","
                + " \"frontier_own_xid\"::text, \"frontier_own_command\" FROM "
                + TABLE
                + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("catalog row of stream table " + pgtId + " vanished");
        }
        String text = rs.getString(1);
        frontier = text == null ? null : PgSnapshot.parse(text);
        deltaQuery = rs.getString(2);
        Array key = rs.getArray(3);
        rowKey = key == null ? List.of() : Arrays.asList((String[]) key.getArray());
        Array h = rs.getArray(4);
        hidden = h == null ? List.of() : Arrays.asList((String[]) h.getArray());
        stateQuery = rs.getString(5);
        String markXid = rs.getString(6);
        mark = markXid == null ? null : new OwnMark(Long.parseLong(markXid), rs.getLong(7));
      }
    }
    List<Long> sources = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT \"source_relid\" FROM " + DEPENDENCIES
                + " WHERE \"pgt_id\" = ? AND \"cdc_mode\" IS NOT NULL ORDER BY 1")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sources.add(rs.getLong(1));
        }
      }
    }
    return new Loaded(frontier, deltaQuery, rowKey, sources, hidden, stateQuery, mark);
  }
}
