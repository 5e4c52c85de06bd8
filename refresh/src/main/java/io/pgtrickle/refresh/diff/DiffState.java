package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.PgSnapshot;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
   */
  public record Loaded(PgSnapshot frontier, String deltaQuery, List<String> rowKey, List<Long> sources,
      List<String> hiddenColumns, String stateQuery) {
    public Loaded {
      hiddenColumns = List.copyOf(hiddenColumns);
    }

    /** Without hidden state. */
    public Loaded(PgSnapshot frontier, String deltaQuery, List<String> rowKey, List<Long> sources) {
      this(frontier, deltaQuery, rowKey, sources, List.of(), null);
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
                + " \"frontier\" = NULL, \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setString(1, reason);
      ps.setLong(2, pgtId);
      ps.executeUpdate();
    }
  }

  /** Stores the frontier (null: the next refresh repopulates with a new one). */
  public static void storeFrontier(Connection connection, long pgtId, PgSnapshot frontier)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"frontier\" = ?::pg_catalog.pg_snapshot WHERE \"pgt_id\" = ?")) {
      ps.setString(1, frontier == null ? null : frontier.text());
      ps.setLong(2, pgtId);
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
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT \"frontier\"::text, \"delta_query\", \"row_key\", \"hidden_columns\", \"state_query\" FROM "
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
    return new Loaded(frontier, deltaQuery, rowKey, sources, hidden, stateQuery);
  }
}
