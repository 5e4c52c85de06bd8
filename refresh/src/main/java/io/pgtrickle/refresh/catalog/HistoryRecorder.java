package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * Writes {@code pgtrickle.pgt_refresh_history}. Times come from the database clock
 * ({@code clock_timestamp()}), so staleness computed in SQL is consistent with them.
 */
public final class HistoryRecorder {

  /** What started a refresh. */
  public enum Initiator {
    CREATE("create"),
    REFRESH("refresh"),
    ALTER("alter"),
    SCHEDULER("scheduler");

    private final String sqlName;

    Initiator(String sqlName) {
      this.sqlName = sqlName;
    }

    public String sqlName() {
      return sqlName;
    }
  }

  /** What actually ran. */
  public enum Strategy {
    FULL("full"),
    DIFFERENTIAL("differential"),
    NO_DATA("no_data");

    private final String sqlName;

    Strategy(String sqlName) {
      this.sqlName = sqlName;
    }

    public String sqlName() {
      return sqlName;
    }
  }

  /**
   * Transaction-local setting naming the scheduler instance that runs the refresh; recorded in
   * {@code instance_id} (set with {@code set_config(…, true)} by the scheduler).
   */
  public static final String INSTANCE_SETTING = "pgtrickle.instance_id";

  private static final String COLUMNS =
      "\"pgt_id\", \"initiator\", \"requested_strategy\", \"executed_strategy\", \"rows_inserted\","
          + " \"rows_deleted\", \"started_at\", \"finished_at\", \"duration_ms\", \"status\","
          + " \"error_sqlstate\", \"error_message\", \"delta_rows\", \"note\", \"instance_id\","
          + " \"source_changes\"";

  private HistoryRecorder() {}

  /** The database's clock now: pass it to {@link #succeeded} / {@link #failed} as the start time. */
  public static OffsetDateTime clock(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_catalog.clock_timestamp()")) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class);
    }
  }

  /** Records a successful refresh; {@code rowsDeleted} may be null (unknown, e.g. TRUNCATE). */
  public static void succeeded(
      Connection connection,
      long pgtId,
      Initiator initiator,
      RefreshMode requested,
      Strategy executed,
      long rowsInserted,
      Long rowsDeleted,
      OffsetDateTime startedAt)
      throws SQLException {
    succeeded(connection, pgtId, initiator, requested, executed, rowsInserted, rowsDeleted, startedAt,
        null, null);
  }

  /**
   * Records a successful refresh with the size of the applied delta (differential) and a note (why a
   * differential stream table ran FULL), either may be null.
   */
  public static void succeeded(
      Connection connection,
      long pgtId,
      Initiator initiator,
      RefreshMode requested,
      Strategy executed,
      long rowsInserted,
      Long rowsDeleted,
      OffsetDateTime startedAt,
      Long deltaRows,
      String note)
      throws SQLException {
    insert(connection, pgtId, initiator, requested, executed, rowsInserted, rowsDeleted, startedAt,
        "succeeded", null, null, deltaRows, note, null);
  }

  /**
   * A successful refresh as {@link #succeeded} records it ({@code rowsDeleted}, {@code deltaRows},
   * {@code note} and {@code sourceChanges} may be null).
   */
  public record Success(Initiator initiator, RefreshMode requested, Strategy executed, long rowsInserted,
      Long rowsDeleted, OffsetDateTime startedAt, Long deltaRows, String note, Long sourceChanges) {

    /** Without the count of source changes (only refresh_mode auto counts them). */
    public Success(Initiator initiator, RefreshMode requested, Strategy executed, long rowsInserted,
        Long rowsDeleted, OffsetDateTime startedAt, Long deltaRows, String note) {
      this(initiator, requested, executed, rowsInserted, rowsDeleted, startedAt, deltaRows, note, null);
    }

    /** The same with the source changes counted for the AUTO cost model (null: not counted). */
    public Success withSourceChanges(Long changes) {
      return new Success(initiator, requested, executed, rowsInserted, rowsDeleted, startedAt, deltaRows,
          note, changes);
    }
  }

  /**
   * {@code INSERT} of a succeeded history row for each row of {@code source} (a relation or CTE name
   * with a {@code "pgt_id"} column), so that a caller can write it in the same statement as its other
   * writes (a data-modifying CTE); its parameters are bound by {@link #bindSucceeded}.
   */
  public static String insertSucceededFrom(String source) {
    return "INSERT INTO " + Sql.catalog("pgt_refresh_history") + " (" + COLUMNS + ")"
        + " SELECT d.\"pgt_id\", ?, ?, ?, ?, ?, s.t, f.t,"
        + " GREATEST(EXTRACT(EPOCH FROM f.t - s.t) * 1000, 0)::double precision, 'succeeded', NULL, NULL,"
        + " ?, ?, NULLIF(pg_catalog.current_setting('" + INSTANCE_SETTING + "', true), ''), ?"
        + " FROM " + source + " d, (SELECT ?::timestamptz AS t) s,"
        + " (SELECT pg_catalog.clock_timestamp() AS t) f";
  }

  /** Binds {@link #insertSucceededFrom}'s parameters from {@code index}; returns the next index. */
  public static int bindSucceeded(PreparedStatement ps, int index, Success success) throws SQLException {
    int i = index;
    ps.setString(i++, success.initiator().sqlName());
    ps.setString(i++, success.requested().sqlName());
    ps.setString(i++, success.executed().sqlName());
    ps.setLong(i++, success.rowsInserted());
    setLong(ps, i++, success.rowsDeleted());
    setLong(ps, i++, success.deltaRows());
    ps.setString(i++, success.note());
    setLong(ps, i++, success.sourceChanges());
    ps.setObject(i++, success.startedAt());
    return i;
  }

  /** Records a failed refresh. */
  public static void failed(
      Connection connection,
      long pgtId,
      Initiator initiator,
      RefreshMode requested,
      OffsetDateTime startedAt,
      String sqlState,
      String message)
      throws SQLException {
    insert(connection, pgtId, initiator, requested, null, null, null, startedAt, "failed", sqlState,
        message, null, null, null);
  }

  private static void insert(
      Connection connection,
      long pgtId,
      Initiator initiator,
      RefreshMode requested,
      Strategy executed,
      Long rowsInserted,
      Long rowsDeleted,
      OffsetDateTime startedAt,
      String status,
      String sqlState,
      String message,
      Long deltaRows,
      String note,
      Long sourceChanges)
      throws SQLException {
    String sql =
        "INSERT INTO " + Sql.catalog("pgt_refresh_history") + " (" + COLUMNS + ")"
            + " SELECT ?, ?, ?, ?, ?, ?, s.t, f.t,"
            + " GREATEST(EXTRACT(EPOCH FROM f.t - s.t) * 1000, 0)::double precision, ?, ?, ?, ?, ?,"
            + " NULLIF(pg_catalog.current_setting('" + INSTANCE_SETTING + "', true), ''), ?"
            + " FROM (SELECT ?::timestamptz AS t) s, (SELECT pg_catalog.clock_timestamp() AS t) f";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, pgtId);
      ps.setString(2, initiator.sqlName());
      ps.setString(3, requested.sqlName());
      ps.setString(4, executed == null ? null : executed.sqlName());
      setLong(ps, 5, rowsInserted);
      setLong(ps, 6, rowsDeleted);
      ps.setString(7, status);
      ps.setString(8, sqlState);
      ps.setString(9, message);
      setLong(ps, 10, deltaRows);
      ps.setString(11, note);
      setLong(ps, 12, sourceChanges);
      ps.setObject(13, startedAt);
      ps.executeUpdate();
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
