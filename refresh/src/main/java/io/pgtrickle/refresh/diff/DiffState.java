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
            "UPDATE " + TABLE + " SET " + frontierSet("?::pg_catalog.pg_snapshot") + " WHERE \"pgt_id\" = ?")) {
      int next = bindFrontier(ps, 1, frontier, mark);
      ps.setLong(next, pgtId);
      ps.executeUpdate();
    }
  }

  /**
   * SET items storing the frontier given as SQL {@code frontierSql} (a {@code pg_snapshot}) and its mark
   * as two parameters, bound by {@link #bindMark}; with {@code frontierSql} a parameter, by
   * {@link #bindFrontier}.
   */
  static String frontierSet(String frontierSql) {
    return "\"frontier\" = " + frontierSql + ", \"frontier_own_xid\" = ?::text::pg_catalog.xid8,"
        + " \"frontier_own_command\" = ?";
  }

  /** Binds {@link #frontierSet}'s parameters with the frontier a parameter; returns the next index. */
  static int bindFrontier(PreparedStatement ps, int index, PgSnapshot frontier, OwnMark mark)
      throws SQLException {
    ps.setString(index, frontier == null ? null : frontier.text());
    return bindMark(ps, index + 1, frontier == null ? null : mark);
  }

  /** Binds the mark's two parameters of {@link #frontierSet}; returns the next index. */
  static int bindMark(PreparedStatement ps, int index, OwnMark mark) throws SQLException {
    ps.setString(index, mark == null ? null : Long.toString(mark.xid()));
    ps.setObject(index + 1, mark == null ? null : mark.commandId(), Types.BIGINT);
    return index + 2;
  }

  /**
   * The select list that {@link #read} reads, over the catalog row aliased {@code alias}: the
   * differential columns and the captured sources (one array), so that one statement (the refresh's
   * claim of the catalog row, or {@link #load}) fetches everything a refresh needs.
   */
  public static String columns(String alias) {
    String a = Sql.ident(alias) + ".";
    return a + "\"frontier\"::text, " + a + "\"delta_query\", " + a + "\"row_key\", "
        + a + "\"hidden_columns\", " + a + "\"state_query\", " + a + "\"frontier_own_xid\"::text, "
        + a + "\"frontier_own_command\", ARRAY(SELECT d.\"source_relid\"::bigint FROM "
        + DEPENDENCIES + " d WHERE d.\"pgt_id\" = " + a + "\"pgt_id\" AND d.\"cdc_mode\" IS NOT NULL"
        + " ORDER BY 1)";
  }

  /** Reads the {@link #columns} starting at column {@code first} of the current row. */
  public static Loaded read(ResultSet rs, int first) throws SQLException {
    int i = first;
    String text = rs.getString(i++);
    PgSnapshot frontier = text == null ? null : PgSnapshot.parse(text);
    String deltaQuery = rs.getString(i++);
    Array key = rs.getArray(i++);
    List<String> rowKey = key == null ? List.of() : Arrays.asList((String[]) key.getArray());
    Array h = rs.getArray(i++);
    List<String> hidden = h == null ? List.of() : Arrays.asList((String[]) h.getArray());
    String stateQuery = rs.getString(i++);
    String markXid = rs.getString(i++);
    long command = rs.getLong(i++);
    OwnMark mark = markXid == null ? null : new OwnMark(Long.parseLong(markXid), command);
    List<Long> sources = new ArrayList<>();
    Array s = rs.getArray(i);
    if (s != null) {
      for (Long oid : (Long[]) s.getArray()) {
        sources.add(oid);
      }
    }
    return new Loaded(frontier, deltaQuery, rowKey, sources, hidden, stateQuery, mark);
  }

  /** Reads the differential state (call with the catalog row claimed). */
  public static Loaded load(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT " + columns("st") + " FROM " + TABLE + " st WHERE st.\"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("catalog row of stream table " + pgtId + " vanished");
        }
        return read(rs, 1);
      }
    }
  }
}
