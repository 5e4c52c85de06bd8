package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.option.Schedule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scheduler tick reads from the catalog, in one short read-only statement pair: every stream
 * table with its schedule, state and last refresh, the dependency edges, and the database clock (all
 * due times are compared on the database clock, so instances on machines with skewed clocks agree).
 */
record TickState(Instant now, StreamGraph graph, Map<Long, Row> rows) {

  /** The scheduling state of one stream table. */
  record Row(long pgtId, long relid, String status, String effectiveMode, boolean populated,
      Instant lastRefreshAt, Instant nextAttemptAt) {

    /** Not suspended, not backing off, and not IMMEDIATE (always current, never scheduled). */
    boolean schedulable(Instant now) {
      return !"suspended".equals(status) && !"immediate".equals(effectiveMode)
          && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
  }

  private static final String STREAM_TABLES =
      "SELECT st.\"pgt_id\", st.\"storage_relid\", pg_catalog.format('%I.%I', n.\"nspname\", c.\"relname\"),"
          + " st.\"schedule_kind\", st.\"schedule\","
          + " EXTRACT(EPOCH FROM st.\"schedule_interval\")::bigint, st.\"diamond_consistency\","
          + " st.\"status\", st.\"effective_mode\", st.\"is_populated\", st.\"last_refresh_at\","
          + " st.\"next_attempt_at\", pg_catalog.clock_timestamp()"
          + " FROM \"pgtrickle\".\"pgt_stream_tables\" st"
          + " JOIN pg_catalog.pg_class c ON c.\"oid\" = st.\"storage_relid\""
          + " JOIN pg_catalog.pg_namespace n ON n.\"oid\" = c.\"relnamespace\""
          + " WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_class v WHERE v.\"oid\" = st.\"definition_view_relid\")"
          + " ORDER BY st.\"storage_relid\"";

  private static final String EDGES =
      "SELECT st.\"storage_relid\", d.\"source_relid\" FROM \"pgtrickle\".\"pgt_dependencies\" d"
          + " JOIN \"pgtrickle\".\"pgt_stream_tables\" st ON st.\"pgt_id\" = d.\"pgt_id\"";

  /** Whether the catalog exists yet (a database nobody created a stream table in has none). */
  static boolean catalogExists(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT pg_catalog.to_regclass('\"pgtrickle\".\"pgt_scheduler_instances\"') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Reads the state (auto-commit connection: two statements, no transaction left open). */
  static TickState read(Connection connection) throws SQLException {
    List<StreamGraph.Node> nodes = new ArrayList<>();
    Map<Long, Row> rows = new HashMap<>();
    Instant now = Instant.now();
    try (PreparedStatement ps = connection.prepareStatement(STREAM_TABLES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long relid = rs.getLong(2);
        String kind = rs.getString(4);
        long interval = rs.getLong(6);
        Long intervalSeconds = rs.wasNull() ? null : interval;
        nodes.add(new StreamGraph.Node(relid, rs.getString(3),
            kind == null ? null : Schedule.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
            rs.getString(5), intervalSeconds, "atomic".equals(rs.getString(7))));
        rows.put(relid, new Row(rs.getLong(1), relid, rs.getString(8), rs.getString(9),
            rs.getBoolean(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))));
        now = rs.getTimestamp(13).toInstant();
      }
    }
    List<long[]> edges = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(EDGES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        edges.add(new long[] {rs.getLong(1), rs.getLong(2)});
      }
    }
    if (rows.isEmpty()) {
      now = databaseNow(connection);
    }
    return new TickState(now, new StreamGraph(nodes, edges), rows);
  }

  static Instant databaseNow(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_catalog.clock_timestamp()")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
