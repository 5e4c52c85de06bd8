package io.pgtrickle.refresh.ddl.source;

import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.full.RefreshExecutor;
import io.pgtrickle.refresh.sql.SqlStates;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Source DDL: a source of a stream table was renamed, or had a used or key column renamed, retyped
 * or dropped ({@link SourceSignatures} tells, in one query), and its stream tables are rebuilt
 * ({@link SourceRebuild}) — never refreshed with stale delta SQL, capture or triggers.
 *
 * <ul>
 *   <li>{@link #beforeRefresh}: every refresh (REFRESH, scheduler, the population of CREATE/ALTER)
 *       checks its stream table first. A changed source rebuilds every stream table that reads it,
 *       in the refresh's transaction; the others are refreshed FULL right away, the one being
 *       refreshed by the caller (FULL, taking a new frontier). A rebuild that fails fails the refresh
 *       with the set-up's SQLSTATE and a message naming the stream table, the source and the change.
 *   <li>{@link #afterSourceDdl}: the driver calls it after it forwarded {@code ALTER TABLE} or
 *       {@code DROP TABLE}, in the same transaction. A rebuild that fails does not fail the user's
 *       DDL: the stream table loses its incremental maintenance (so writes to the source keep
 *       working), is put in status {@code error} with the reason, and a warning says so.
 * </ul>
 */
public final class SourceDdl {

  private static final Logger LOG = System.getLogger(SourceDdl.class.getName());

  private static final String SAVEPOINT = "\"pgtrickle_source_ddl\"";

  private SourceDdl() {}

  /**
   * Rebuilds {@code st} (claimed by the caller) and every other reader of its changed sources when a
   * source changed; returns the row to refresh (re-read after a rebuild). A definition view dropped
   * with a source is left to the refresh, which reports it (55000).
   */
  public static StreamTableRow beforeRefresh(Connection connection, StreamTableRow st,
      Initiator initiator) throws SQLException {
    List<SourceChange> changes = SourceSignatures.changed(connection, st.pgtId());
    if (changes.isEmpty() || changes.stream().anyMatch(c -> !c.definitionViewExists())) {
      return st;
    }
    rebuildGroup(connection, sourcesOf(changes), st.pgtId(), initiator);
    return StreamTableCatalog.lockByRelid(connection, st.storageRelid())
        .orElseThrow(() -> new SQLException("catalog row of " + st.displayName() + " vanished"));
  }

  /**
   * After DDL on possibly any source: rebuilds and refreshes every stream table with a changed
   * source; marks those that cannot be rebuilt as failed (see the class comment). Returns one
   * warning per stream table that is now in error.
   */
  public static List<SQLWarning> afterSourceDdl(Connection connection) throws SQLException {
    List<SQLWarning> warnings = new ArrayList<>();
    Set<Long> failedSources = new HashSet<>();
    Set<Long> gone = new HashSet<>();
    while (true) {
      List<SourceChange> changes = new ArrayList<>();
      for (SourceChange c : SourceSignatures.changedAnywhere(connection)) {
        if (!c.definitionViewExists()) {
          if (gone.add(c.pgtId())) {
            warnings.addAll(markGone(connection, c));
          }
        } else if (!failedSources.contains(c.sourceRelid()) && !gone.contains(c.pgtId())) {
          changes.add(c);
        }
      }
      if (changes.isEmpty()) {
        return warnings;
      }
      Set<Long> sources = Set.of(changes.get(0).sourceRelid());
      Group group = group(connection, sources);
      savepoint(connection, "SAVEPOINT ");
      try {
        rebuildGroup(connection, group, null, Initiator.ALTER);
        savepoint(connection, "RELEASE SAVEPOINT ");
      } catch (SQLException e) {
        savepoint(connection, "ROLLBACK TO SAVEPOINT ");
        savepoint(connection, "RELEASE SAVEPOINT ");
        failedSources.addAll(group.sources());
        warnings.addAll(degrade(connection, group, e));
      }
    }
  }

  /** The changed sources and every stream table reading one of them, closed under both. */
  private record Group(Set<Long> sources, Map<Long, StreamTableRow> members,
      Map<Long, String> reasons) {}

  private static Group group(Connection connection, Set<Long> changedSources) throws SQLException {
    Set<Long> sources = new TreeSet<>(changedSources);
    Map<Long, String> reasons = new LinkedHashMap<>();
    Set<Long> relids = new LinkedHashSet<>();
    while (true) {
      int before = sources.size();
      for (long[] edge : StreamTableCatalog.dependents(connection, sources)) {
        relids.add(edge[0]);
      }
      Map<Long, StreamTableRow> members = new LinkedHashMap<>();
      for (long relid : relids) {
        Optional<StreamTableRow> row = StreamTableCatalog.lockByRelid(connection, relid);
        if (row.isPresent()) {
          members.put(row.get().pgtId(), row.get());
        }
      }
      for (StreamTableRow m : members.values()) {
        List<SourceChange> own = SourceSignatures.changed(connection, m.pgtId());
        if (own.stream().allMatch(SourceChange::definitionViewExists)) {
          sources.addAll(sourcesOf(own));
        }
        reasons.put(m.pgtId(), own.stream().map(SourceChange::describe)
            .collect(Collectors.joining("; ")));
      }
      if (sources.size() == before) {
        return new Group(sources, members, reasons);
      }
    }
  }

  private static void rebuildGroup(Connection connection, Set<Long> sources, Long refreshing,
      Initiator initiator) throws SQLException {
    rebuildGroup(connection, group(connection, sources), refreshing, initiator);
  }

  /** Tears every member down first (the shared buffers go), then sets each up and refreshes it. */
  private static void rebuildGroup(Connection connection, Group group, Long refreshing,
      Initiator initiator) throws SQLException {
    for (StreamTableRow m : group.members().values()) {
      SourceRebuild.tearDown(connection, m);
    }
    for (StreamTableRow m : group.members().values()) {
      String why = group.reasons().get(m.pgtId());
      try {
        SourceRebuild.setUpAgain(connection, m, why);
      } catch (SQLException e) {
        throw notRebuilt(m, why, e);
      }
    }
    for (StreamTableRow m : group.members().values()) {
      if (refreshing != null && refreshing == m.pgtId()) {
        continue;
      }
      StreamTableRow now = StreamTableCatalog.lockByRelid(connection, m.storageRelid()).orElseThrow();
      if (now.populated()) {
        RefreshExecutor.refresh(connection, now, true, initiator, HistoryRecorder.clock(connection));
      }
    }
  }

  private static SQLException notRebuilt(StreamTableRow st, String why, SQLException cause) {
    SQLException e = SqlStates.error(SqlStates.stateOf(cause),
        "stream table \"" + st.name() + "\" cannot be rebuilt after its source changed (" + why
            + "): " + cause.getMessage(),
        null,
        "Change the source back, or set pgtrickle.refresh_mode = 'full' with ALTER MATERIALIZED VIEW,"
            + " or drop the stream table and create it again.");
    e.initCause(cause);
    return e;
  }

  /**
   * A group that cannot be rebuilt: every member loses its incremental maintenance (FULL, which
   * always runs the definition view) and is put in status error with the reason.
   */
  private static List<SQLWarning> degrade(Connection connection, Group group, SQLException failure)
      throws SQLException {
    List<SQLWarning> warnings = new ArrayList<>();
    for (StreamTableRow m : group.members().values()) {
      StreamTableRow now = StreamTableCatalog.lockByRelid(connection, m.storageRelid()).orElseThrow();
      String message = failure.getMessage();
      savepoint(connection, "SAVEPOINT ");
      try {
        SourceRebuild.tearDown(connection, now);
        DiffState.storeFull(connection, now.pgtId(), message);
        savepoint(connection, "RELEASE SAVEPOINT ");
      } catch (SQLException e) {
        savepoint(connection, "ROLLBACK TO SAVEPOINT ");
        savepoint(connection, "RELEASE SAVEPOINT ");
        failure.addSuppressed(e);
      }
      StreamTableCatalog.markFailed(connection, now.pgtId(), SqlStates.stateOf(failure), message);
      LOG.log(Level.WARNING, "stream table {0} is in error after a change of its source: {1}",
          now.displayName(), message);
      warnings.add(new SQLWarning("stream table \"" + now.name() + "\" is in error: " + message,
          "01000"));
    }
    return warnings;
  }

  private static List<SQLWarning> markGone(Connection connection, SourceChange change)
      throws SQLException {
    Optional<StreamTableRow> row = StreamTableCatalog.all(connection).stream()
        .filter(r -> r.pgtId() == change.pgtId()).findFirst();
    if (row.isEmpty() || "error".equals(row.get().status())) {
      return List.of();
    }
    SQLException e = SourceRebuild.definitionGone(row.get(), change.describe());
    StreamTableCatalog.markFailed(connection, change.pgtId(), e.getSQLState(), e.getMessage());
    return List.of(new SQLWarning(e.getMessage(), "01000"));
  }

  private static Set<Long> sourcesOf(List<SourceChange> changes) {
    return changes.stream().map(SourceChange::sourceRelid).collect(Collectors.toCollection(TreeSet::new));
  }

  private static void savepoint(Connection connection, String command) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(command + SAVEPOINT);
    }
  }

  /** Whether the catalog exists with source signatures (cheap; for the driver's hook). */
  public static boolean catalogPresent(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_catalog.to_regprocedure("
            + "'\"pgtrickle\".\"source_signature\"(oid, oid)') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
