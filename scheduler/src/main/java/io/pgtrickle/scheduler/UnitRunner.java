package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.source.SourceDdl;
import io.pgtrickle.refresh.full.RefreshExecutor;
import io.pgtrickle.refresh.option.RefreshMode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one refresh unit (a stream table, or a diamond group) in one short transaction on the
 * scheduler's work connection:
 *
 * <ol>
 *   <li>claim: {@code SELECT … FOR UPDATE SKIP LOCKED} on the members' catalog rows. A row locked by
 *       another scheduler instance, a manual REFRESH or an ALTER/DROP is skipped, so no stream table
 *       is ever refreshed by two sessions at once, without session advisory locks or session state
 *       (PgBouncer transaction mode is fine); when not every member is claimed nothing is done;
 *   <li>re-check under the lock that the unit is still due (another instance may have refreshed it
 *       since the tick read the catalog);
 *   <li>each member in topological order: a changed source (renamed, or a used column renamed or
 *       retyped) rebuilds the stream tables reading it first ({@link SourceDdl#beforeRefresh}); a differential stream table with nothing to consume
 *       ({@link ChangeProbe}) only has {@code last_refresh_at} advanced (no history row); otherwise
 *       {@link RefreshExecutor} refreshes it (initiator {@code scheduler}, history with this instance's
 *       id);
 *   <li>commit. A diamond group runs at REPEATABLE READ: every member reads the sources as of one
 *       snapshot, so the group's members are mutually consistent.
 * </ol>
 *
 * A killed JVM or connection leaves nothing half-applied: everything above is one transaction.
 */
final class UnitRunner {

  private static final Logger LOG = System.getLogger(UnitRunner.class.getName());

  /** What happened. */
  enum Result {
    REFRESHED,
    NOTHING_TO_DO,
    BUSY,
    FAILED
  }

  private final String instanceId;
  private final RetryPolicy retry;
  private final SchedulerStats stats;

  UnitRunner(String instanceId, RetryPolicy retry, SchedulerStats stats) {
    this.instanceId = instanceId;
    this.retry = retry;
    this.stats = stats;
  }

  /** A member with the schedule check the runner repeats under the lock. */
  record Member(StreamGraph.Node node, EffectiveSchedule schedule) {}

  Result run(Connection c, List<Member> members, boolean group) throws SQLException {
    c.setAutoCommit(false);
    Member current = null;
    OffsetDateTime startedAt = null;
    try {
      if (group) {
        rebuildChangedMembers(c, members);
      }
      c.setTransactionIsolation(
          group ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
      setInstance(c);
      List<Claimed> claimed = claim(c, members);
      if (claimed.size() < members.size()) {
        c.rollback();
        return Result.BUSY;
      }
      boolean due = claimed.stream().anyMatch(Claimed::due);
      if (!due) {
        c.rollback();
        return Result.NOTHING_TO_DO;
      }
      int refreshed = 0;
      for (Member m : members) {
        current = m;
        Optional<StreamTableRow> row = StreamTableCatalog.findByRelid(c, m.node().relid());
        if (row.isEmpty()) {
          continue;
        }
        StreamTableRow st = SourceDdl.beforeRefresh(c, row.get(), Initiator.SCHEDULER);
        if (st.effectiveMode() == RefreshMode.DIFFERENTIAL && st.populated()
            && !ChangeProbe.hasPendingChanges(c, st.pgtId())) {
          StreamTableCatalog.markRefreshed(c, st.pgtId(), true);
          continue;
        }
        startedAt = HistoryRecorder.clock(c);
        RefreshExecutor.refresh(c, st, true, Initiator.SCHEDULER, startedAt);
        refreshed++;
      }
      c.commit();
      stats.refreshed(refreshed);
      return refreshed > 0 ? Result.REFRESHED : Result.NOTHING_TO_DO;
    } catch (SQLException e) {
      rollbackQuietly(c, e);
      handleFailure(c, current, startedAt, e);
      return Result.FAILED;
    } finally {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(true);
    }
  }

  /**
   * A group runs at REPEATABLE READ, where a stream table cannot be set up for differential
   * maintenance again; so members whose source changed are rebuilt first, in a READ COMMITTED
   * transaction of their own (which waits for a member claimed elsewhere).
   */
  private static void rebuildChangedMembers(Connection c, List<Member> members) throws SQLException {
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    for (Member m : members) {
      Optional<StreamTableRow> row = StreamTableCatalog.findByRelid(c, m.node().relid());
      if (row.isPresent()) {
        SourceDdl.beforeRefresh(c, row.get(), Initiator.SCHEDULER);
      }
    }
    c.commit();
  }

  private record Claimed(long relid, boolean due) {}

  private List<Claimed> claim(Connection c, List<Member> members) throws SQLException {
    Long[] relids = members.stream().map(m -> m.node().relid()).toArray(Long[]::new);
    List<Claimed> result = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT st.\"storage_relid\", st.\"is_populated\", st.\"last_refresh_at\", st.\"status\","
            + " pg_catalog.clock_timestamp() FROM \"pgtrickle\".\"pgt_stream_tables\" st"
            + " WHERE st.\"storage_relid\" = ANY (?::oid[]) FOR UPDATE SKIP LOCKED")) {
      Array array = c.createArrayOf("int8", relids);
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long relid = rs.getLong(1);
          java.sql.Timestamp last = rs.getTimestamp(3);
          java.time.Instant lastRefresh = rs.getBoolean(2) && last != null ? last.toInstant() : null;
          java.time.Instant now = rs.getTimestamp(5).toInstant();
          Member m = members.stream().filter(x -> x.node().relid() == relid).findFirst().orElseThrow();
          boolean due = !"suspended".equals(rs.getString(4))
              && m.schedule().nextDue(lastRefresh).map(t -> !t.isAfter(now)).orElse(false);
          result.add(new Claimed(relid, due));
        }
      }
    }
    return result;
  }

  private void setInstance(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pg_catalog.set_config(?, ?, true)")) {
      ps.setString(1, HistoryRecorder.INSTANCE_SETTING);
      ps.setString(2, instanceId);
      ps.executeQuery().close();
    }
  }

  /**
   * Records a counted failure of the member that failed, in a transaction of its own (the refresh's
   * transaction is rolled back): status error, last error, consecutive failures, backoff, suspension
   * after {@link RetryPolicy#maxConsecutiveFailures}, and a {@code failed} history row.
   */
  private void handleFailure(Connection c, Member failed, OffsetDateTime startedAt, SQLException e) {
    RetryPolicy.Kind kind = RetryPolicy.classify(e.getSQLState());
    if (kind == RetryPolicy.Kind.CONTENTION || failed == null) {
      LOG.log(Level.DEBUG, "scheduled refresh met contention ({0}); retrying at the next tick",
          e.getSQLState());
      return;
    }
    stats.failed();
    String name = failed.node().name();
    try {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      Optional<StreamTableRow> row = StreamTableCatalog.lockByRelid(c, failed.node().relid());
      if (row.isEmpty()) {
        c.rollback();
        return;
      }
      int failures = consecutiveFailures(c, row.get().pgtId()) + 1;
      RetryPolicy.Decision decision = retry.afterFailure(kind, failures);
      StreamTableCatalog.markSchedulerFailure(c, row.get().pgtId(), e.getSQLState(), e.getMessage(),
          decision.retryAfter().toMillis(), decision.suspend());
      OffsetDateTime start = startedAt != null ? startedAt : HistoryRecorder.clock(c);
      setInstance(c);
      HistoryRecorder.failed(c, row.get().pgtId(), Initiator.SCHEDULER,
          row.get().options().refreshMode(), start, e.getSQLState(), e.getMessage());
      c.commit();
      LOG.log(decision.suspend() ? Level.ERROR : Level.WARNING,
          "scheduled refresh of {0} failed ({1} in a row, SQLSTATE {2}): {3}; {4}", name, failures,
          e.getSQLState(), e.getMessage(),
          decision.suspend() ? "suspended until resumed" : "retrying in " + decision.retryAfter());
    } catch (SQLException recordFailure) {
      rollbackQuietly(c, recordFailure);
      LOG.log(Level.WARNING, "could not record the failed refresh of " + name, recordFailure);
    }
  }

  private static int consecutiveFailures(Connection c, long pgtId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT \"consecutive_failures\" FROM \"pgtrickle\".\"pgt_stream_tables\" WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static void rollbackQuietly(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
