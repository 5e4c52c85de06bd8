package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.option.CdcMode;
import io.pgtrickle.refresh.option.DiamondConsistency;
import io.pgtrickle.refresh.option.PostRefreshChoice;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.option.Schedule;
import io.pgtrickle.refresh.option.StreamOption;
import io.pgtrickle.refresh.option.StreamOptions;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code pgtrickle.pgt_stream_tables} and {@code pgtrickle.pgt_dependencies}. */
public final class StreamTableCatalog {

  static final String TABLE = Sql.catalog("pgt_stream_tables");
  static final String DEPENDENCIES = Sql.catalog("pgt_dependencies");

  /** Columns of {@link #ROW_SELECT_LIST}. */
  private static final int ROW_COLUMNS = 16;

  private static final String ROW_SELECT_LIST =
      "SELECT st.\"pgt_id\", st.\"storage_relid\","
          + " COALESCE(n.\"nspname\", st.\"storage_schema\"), COALESCE(c.\"relname\", st.\"storage_name\"),"
          + " st.\"definition_view_relid\", st.\"definition_view_name\","
          + " st.\"refresh_mode\", st.\"schedule\", st.\"cdc_mode\", st.\"append_only\","
          + " st.\"diamond_consistency\", st.\"post_refresh_action\", st.\"reindex_drift_threshold\","
          + " st.\"effective_mode\", st.\"status\", st.\"is_populated\"";

  private static final String ROW_FROM =
      " FROM " + TABLE + " st"
          + " LEFT JOIN pg_catalog.pg_class c ON c.\"oid\" = st.\"storage_relid\""
          + " LEFT JOIN pg_catalog.pg_namespace n ON n.\"oid\" = c.\"relnamespace\"";

  private static final String SELECT_ROW = ROW_SELECT_LIST + ROW_FROM;

  /**
   * SET items of a successful refresh besides population: status (a suspended stream table stays
   * suspended), failure count and backoff cleared.
   */
  private static final String REFRESH_STATE =
      "\"status\" = CASE WHEN \"status\" = 'suspended' THEN 'suspended' ELSE 'active' END,"
          + " \"consecutive_failures\" = 0, \"next_attempt_at\" = NULL, \"updated_at\" = pg_catalog.now()";

  /**
   * SET items of {@link #markRefreshed} with data, for a caller that writes them in a statement of its
   * own (no parameters).
   */
  public static final String REFRESHED_SET =
      "\"is_populated\" = true, \"last_refresh_at\" = pg_catalog.clock_timestamp(), " + REFRESH_STATE;

  private StreamTableCatalog() {}

  /** A fresh stream table id (also names the definition view). */
  public static long nextId(Connection connection) throws SQLException {
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT pg_catalog.nextval(pg_catalog.pg_get_serial_sequence(?, 'pgt_id'))");
        ) {
      ps.setString(1, TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The stream table stored in the relation with this OID, if it is one. */
  public static Optional<StreamTableRow> findByRelid(Connection connection, long relid)
      throws SQLException {
    return one(connection, SELECT_ROW + " WHERE st.\"storage_relid\" = ?::oid", relid);
  }

  /**
   * Like {@link #findByRelid}, locking the catalog row ({@code FOR UPDATE OF st}): a concurrent
   * refresh, alter or drop of the same stream table waits until this transaction ends.
   */
  public static Optional<StreamTableRow> lockByRelid(Connection connection, long relid)
      throws SQLException {
    return one(
        connection, SELECT_ROW + " WHERE st.\"storage_relid\" = ?::oid FOR UPDATE OF st", relid);
  }

  /** Reads further columns of a claimed row. */
  @FunctionalInterface
  public interface ExtraReader<T> {
    /** Reads the extra columns, the first at index {@code first}. */
    T read(ResultSet rs, int first) throws SQLException;
  }

  /** A row claimed by {@link #lockByName}, with the extra columns read in the same statement. */
  public record Claimed<T>(StreamTableRow row, T extra) {}

  /**
   * Like {@link #lockByRelid} for the relation {@code name} resolves to (search_path for unqualified
   * names, as {@link RelationResolver#resolve}), reading {@code extraColumns} (a select list over the
   * catalog row aliased {@code st}) in the same statement: one round trip for everything a command
   * needs from the catalog. Empty when the name resolves to no stream table (the caller then resolves
   * it to tell why).
   */
  public static <T> Optional<Claimed<T>> lockByName(Connection connection, QualifiedName name,
      String extraColumns, ExtraReader<T> extra) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        ROW_SELECT_LIST + ", " + extraColumns + ROW_FROM + " WHERE st.\"storage_relid\" = pg_catalog.to_regclass(?) FOR UPDATE OF st")) {
      ps.setString(1, name.toSql());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Claimed<>(row(rs), extra.read(rs, ROW_COLUMNS + 1)));
      }
    }
  }

  /** All stream tables (including broken ones whose storage table is gone). */
  public static List<StreamTableRow> all(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(SELECT_ROW + " ORDER BY st.\"pgt_id\"")) {
      return read(ps);
    }
  }

  /**
   * Stream tables whose storage table no longer exists, and with {@code includeBroken} also those
   * whose definition view no longer exists.
   */
  public static List<StreamTableRow> missingObjects(Connection connection, boolean includeBroken)
      throws SQLException {
    String sql =
        SELECT_ROW + " WHERE c.\"oid\" IS NULL"
            + (includeBroken
                ? " OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class v"
                    + " WHERE v.\"oid\" = st.\"definition_view_relid\")"
                : "")
            + " ORDER BY st.\"pgt_id\"";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      return read(ps);
    }
  }

  /** Inserts the catalog row of a new stream table. */
  public static void insert(
      Connection connection,
      long pgtId,
      Relation storage,
      Relation definitionView,
      String originalSql,
      String definingQuery,
      List<String> columnNames,
      StreamOptions options,
      RefreshMode effectiveMode)
      throws SQLException {
    String sql =
        "INSERT INTO " + TABLE + " (\"pgt_id\", \"storage_relid\", \"storage_schema\","
            + " \"storage_name\", \"definition_view_relid\", \"definition_view_name\","
            + " \"original_sql\", \"defining_query\", \"column_names\", \"effective_mode\","
            + " \"refresh_mode\", \"schedule\", \"schedule_kind\", \"schedule_interval\", \"cdc_mode\","
            + " \"append_only\", \"diamond_consistency\", \"post_refresh_action\","
            + " \"reindex_drift_threshold\")"
            + " VALUES (?, ?::oid, ?, ?, ?::oid, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " pg_catalog.make_interval(secs => ?::double precision), ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, pgtId);
      ps.setLong(2, storage.oid());
      ps.setString(3, storage.schema());
      ps.setString(4, storage.name());
      ps.setLong(5, definitionView.oid());
      ps.setString(6, definitionView.name());
      ps.setString(7, originalSql == null ? definingQuery : originalSql);
      ps.setString(8, definingQuery);
      Array names = connection.createArrayOf("text", columnNames.toArray());
      ps.setArray(9, names);
      ps.setString(10, effectiveMode.sqlName());
      setOptions(ps, 11, options);
      ps.executeUpdate();
    }
  }

  /** Stores new option values and the effective mode. */
  public static void updateOptions(
      Connection connection, long pgtId, StreamOptions options, RefreshMode effectiveMode)
      throws SQLException {
    String sql =
        "UPDATE " + TABLE + " SET \"refresh_mode\" = ?, \"schedule\" = ?, \"schedule_kind\" = ?,"
            + " \"schedule_interval\" = pg_catalog.make_interval(secs => ?::double precision),"
            + " \"cdc_mode\" = ?, \"append_only\" = ?, \"diamond_consistency\" = ?,"
            + " \"post_refresh_action\" = ?, \"reindex_drift_threshold\" = ?,"
            + " \"effective_mode\" = ?, \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int next = setOptions(ps, 1, options);
      ps.setString(next, effectiveMode.sqlName());
      ps.setLong(next + 1, pgtId);
      ps.executeUpdate();
    }
  }

  /** After a successful refresh: populated flag, refresh time, status back to active. */
  public static void markRefreshed(Connection connection, long pgtId, boolean populated)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"is_populated\" = ?, \"last_refresh_at\" ="
                + " CASE WHEN ? THEN pg_catalog.clock_timestamp() END, " + REFRESH_STATE
                + " WHERE \"pgt_id\" = ?")) {
      ps.setBoolean(1, populated);
      ps.setBoolean(2, populated);
      ps.setLong(3, pgtId);
      ps.executeUpdate();
    }
  }

  /** After a failed refresh (recorded in a transaction of its own). */
  public static void markFailed(Connection connection, long pgtId, String sqlState, String message)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"status\" = 'error', \"last_error_message\" = ?,"
                + " \"last_error_sqlstate\" = ?, \"last_error_at\" = pg_catalog.clock_timestamp(),"
                + " \"consecutive_failures\" = \"consecutive_failures\" + 1,"
                + " \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setString(1, message);
      ps.setString(2, sqlState);
      ps.setLong(3, pgtId);
      ps.executeUpdate();
    }
  }

  /**
   * After a failed scheduled refresh (recorded in a transaction of its own): like {@link #markFailed},
   * plus the backoff (no scheduler retries before {@code retryAfterMillis} from now) and, when
   * {@code suspend}, status {@code suspended}.
   */
  public static void markSchedulerFailure(Connection connection, long pgtId, String sqlState,
      String message, long retryAfterMillis, boolean suspend) throws SQLException {
    markFailed(connection, pgtId, sqlState, message);
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"next_attempt_at\" = pg_catalog.clock_timestamp()"
                + " + pg_catalog.make_interval(secs => ?::double precision / 1000),"
                + " \"status\" = CASE WHEN ? THEN 'suspended' ELSE \"status\" END"
                + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, retryAfterMillis);
      ps.setBoolean(2, suspend);
      ps.setLong(3, pgtId);
      ps.executeUpdate();
    }
  }

  /**
   * Sets the status ({@code active} or {@code suspended}); resuming clears the failure count and the
   * backoff.
   */
  public static void setStatus(Connection connection, long pgtId, String status)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + TABLE + " SET \"status\" = ?, \"consecutive_failures\" ="
                + " CASE WHEN ? = 'active' THEN 0 ELSE \"consecutive_failures\" END,"
                + " \"next_attempt_at\" = NULL, \"updated_at\" = pg_catalog.now()"
                + " WHERE \"pgt_id\" = ?")) {
      ps.setString(1, status);
      ps.setString(2, status);
      ps.setLong(3, pgtId);
      ps.executeUpdate();
    }
  }

  /** Removes the catalog row; dependencies and history go with it (ON DELETE CASCADE). */
  public static void delete(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      ps.executeUpdate();
    }
  }

  /** Records the direct sources of a stream table. */
  public static void insertDependencies(Connection connection, long pgtId, List<Dependency> deps)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO " + DEPENDENCIES + " (\"pgt_id\", \"source_relid\", \"source_schema\","
                + " \"source_name\", \"source_relkind\", \"source_is_stream_table\","
                + " \"source_pgt_id\") VALUES (?, ?::oid, ?, ?, ?::\"char\", ?, ?)")) {
      for (Dependency d : deps) {
        ps.setLong(1, pgtId);
        ps.setLong(2, d.sourceRelid());
        ps.setString(3, d.sourceSchema());
        ps.setString(4, d.sourceName());
        ps.setString(5, String.valueOf(d.sourceRelkind()));
        ps.setBoolean(6, d.sourceIsStreamTable());
        if (d.sourcePgtId() == null) {
          ps.setNull(7, Types.BIGINT);
        } else {
          ps.setLong(7, d.sourcePgtId());
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The direct sources recorded for a stream table. */
  public static List<Dependency> dependencies(Connection connection, long pgtId)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT \"source_relid\", \"source_schema\", \"source_name\", \"source_relkind\","
                + " \"source_pgt_id\" FROM " + DEPENDENCIES + " WHERE \"pgt_id\" = ?"
                + " ORDER BY \"source_schema\", \"source_name\"")) {
      ps.setLong(1, pgtId);
      List<Dependency> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long sourcePgt = rs.getLong(5);
          Long sourcePgtId = rs.wasNull() ? null : sourcePgt; // wasNull refers to the last getter
          result.add(
              new Dependency(rs.getLong(1), rs.getString(2), rs.getString(3),
                  rs.getString(4).charAt(0), sourcePgtId));
        }
      }
      return result;
    }
  }

  /**
   * The stream tables that read any of {@code sourceRelids} directly, as pairs (dependent's storage
   * relid, source relid).
   */
  public static List<long[]> dependents(Connection connection, Collection<Long> sourceRelids)
      throws SQLException {
    List<long[]> result = new ArrayList<>();
    if (sourceRelids.isEmpty()) {
      return result;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT st.\"storage_relid\", d.\"source_relid\" FROM " + DEPENDENCIES + " d"
                + " JOIN " + TABLE + " st ON st.\"pgt_id\" = d.\"pgt_id\""
                + " WHERE d.\"source_relid\" = ANY (?::oid[]) ORDER BY st.\"pgt_id\"")) {
      ps.setArray(1, connection.createArrayOf("int8", sourceRelids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
    }
    return result;
  }

  private static int setOptions(PreparedStatement ps, int first, StreamOptions o)
      throws SQLException {
    int i = first;
    ps.setString(i++, o.refreshMode().sqlName());
    Schedule schedule = o.schedule();
    ps.setString(i++, schedule == null ? null : schedule.text());
    ps.setString(i++, schedule == null ? null : schedule.kind().sqlName());
    if (schedule == null || schedule.intervalSeconds() == null) {
      ps.setNull(i++, Types.DOUBLE);
    } else {
      ps.setDouble(i++, schedule.intervalSeconds());
    }
    ps.setString(i++, o.cdcMode().sqlName());
    ps.setBoolean(i++, o.appendOnly());
    ps.setString(i++, o.diamondConsistency().sqlName());
    ps.setString(i++, o.postRefreshAction().sqlName());
    ps.setDouble(i++, o.reindexDriftThreshold());
    return i;
  }

  private static Optional<StreamTableRow> one(Connection connection, String sql, long param)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, param);
      List<StreamTableRow> rows = read(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private static List<StreamTableRow> read(PreparedStatement ps) throws SQLException {
    List<StreamTableRow> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(row(rs));
      }
    }
    return rows;
  }

  /** The {@link #ROW_SELECT_LIST} columns of the current row. */
  private static StreamTableRow row(ResultSet rs) throws SQLException {
    StreamOptions options =
        new StreamOptions(
            (RefreshMode) StreamOption.REFRESH_MODE.parse(rs.getString(7)),
            rs.getString(8) == null ? null : (Schedule) StreamOption.SCHEDULE.parse(rs.getString(8)),
            (CdcMode) StreamOption.CDC_MODE.parse(rs.getString(9)),
            rs.getBoolean(10),
            (DiamondConsistency) StreamOption.DIAMOND_CONSISTENCY.parse(rs.getString(11)),
            (PostRefreshChoice) StreamOption.POST_REFRESH_ACTION.parse(rs.getString(12)),
            rs.getDouble(13));
    return new StreamTableRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        options,
        (RefreshMode) StreamOption.REFRESH_MODE.parse(rs.getString(14)),
        rs.getString(15),
        rs.getBoolean(16));
  }
}
