package io.pgtrickle.refresh.full;

import io.pgtrickle.refresh.action.PendingActions;
import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Strategy;
import io.pgtrickle.refresh.catalog.RefreshRecord;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.source.SourceDdl;
import io.pgtrickle.refresh.ddl.source.SourceSignatures;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.DifferentialRefresher;
import io.pgtrickle.refresh.immediate.ImmediateSetup;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.sql.SqlStates;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One refresh of a stream table whose catalog row the caller has locked: runs the effective mode (FULL,
 * or DIFFERENTIAL through {@link DifferentialRefresher}), updates the catalog state and records history, all in the caller's transaction.
 *
 * <p>A stream table refreshed {@code WITH NO DATA} is emptied and marked unpopulated. PostgreSQL raises
 * an error when a non-populated materialized view is read; a stream table is an ordinary table and
 * cannot, so reads simply return no rows until the next refresh (which repopulates it).
 */
public final class RefreshExecutor {

  private RefreshExecutor() {}

  /** The outcome, for the caller's update count and logs. */
  public record Result(RefreshCounts counts, OffsetDateTime startedAt) {}

  /**
   * What a refresh reads from the catalog besides the row, read by the statement that claims the row
   * ({@link #PREFETCH_COLUMNS}, {@link #readPrefetch}).
   *
   * @param startedAt the database clock when the row was claimed
   * @param definitionViewExists whether the definition view still exists
   * @param diffState the differential state ({@link DiffState#read})
   * @param current false when the claim had to wait for a concurrent writer of the row: the row is the
   *     writer's new version, but the rest was read in the statement's older snapshot, so only the
   *     clock may be used and the rest is read again
   * @param sourcesUnchanged no source's signature changed ({@link SourceSignatures#unchangedExpression}):
   *     no source DDL to act on before this refresh
   * @param jitOffForTransaction the claim was {@link #PREFETCH_COLUMNS_JIT_OFF}'s: JIT is off for the
   *     rest of the transaction, which the refresh owns (it ends with it, nothing to put back)
   */
  public record Prefetched(OffsetDateTime startedAt, boolean definitionViewExists,
      DiffState.Loaded diffState, boolean current, boolean sourcesUnchanged, boolean jitOffForTransaction) {

    /** The same, read with {@link #PREFETCH_COLUMNS_JIT_OFF}. */
    public Prefetched withJitOffForTransaction() {
      return new Prefetched(startedAt, definitionViewExists, diffState, current, sourcesUnchanged, true);
    }
  }

  /**
   * The select list of {@link Prefetched} over the catalog row aliased {@code st}, for
   * {@link io.pgtrickle.refresh.catalog.StreamTableCatalog#lockByName}. The xmin comparison tells
   * whether the row returned is the one the statement's snapshot sees (READ COMMITTED re-fetches the
   * newest version of a row it had to wait for, while subqueries keep the older snapshot).
   */
  public static final String PREFETCH_COLUMNS =
      "pg_catalog.clock_timestamp(), EXISTS (SELECT 1 FROM pg_catalog.pg_class v"
          + " WHERE v.\"oid\" = st.\"definition_view_relid\"), (SELECT s2.\"xmin\" = st.\"xmin\" FROM "
          + Sql.catalog("pgt_stream_tables") + " s2 WHERE s2.\"pgt_id\" = st.\"pgt_id\"), "
          + SourceSignatures.unchangedExpression("st") + ", " + DiffState.columns("st");

  /**
   * {@link #PREFETCH_COLUMNS} that also switch JIT off for the rest of the transaction, for a refresh
   * that runs in a transaction of its own ({@link RefreshJit}: the setting ends with the transaction,
   * so the two statements that save and restore the caller's value are not needed). Idempotent, so
   * that a re-evaluation of the row (READ COMMITTED after a wait) does no harm.
   */
  public static final String PREFETCH_COLUMNS_JIT_OFF =
      PREFETCH_COLUMNS + ", " + RefreshJit.OFF_FOR_TRANSACTION;

  /** Reads {@link #PREFETCH_COLUMNS} from column {@code first}. */
  public static Prefetched readPrefetch(ResultSet rs, int first) throws SQLException {
    OffsetDateTime startedAt = rs.getObject(first, OffsetDateTime.class);
    boolean viewExists = rs.getBoolean(first + 1);
    boolean current = rs.getBoolean(first + 2);
    boolean unchanged = rs.getBoolean(first + 3);
    return new Prefetched(startedAt, viewExists, DiffState.read(rs, first + 4), current, unchanged, false);
  }

  /**
   * Refreshes {@code st} (with data, or emptying it for {@code WITH NO DATA}), with JIT off
   * ({@link RefreshJit}; the caller's setting is in force again afterwards).
   */
  public static Result refresh(
      Connection connection,
      StreamTableRow st,
      boolean withData,
      Initiator initiator,
      OffsetDateTime startedAt)
      throws SQLException {
    return refresh(connection, st, withData, initiator, startedAt, null);
  }

  /**
   * Like {@link #refresh(Connection, StreamTableRow, boolean, Initiator, OffsetDateTime)} with what
   * the claim of the row read already (null, or not {@link Prefetched#current}: read here).
   */
  public static Result refresh(
      Connection connection,
      StreamTableRow st,
      boolean withData,
      Initiator initiator,
      OffsetDateTime startedAt,
      Prefetched prefetched)
      throws SQLException {
    boolean jitOffAlready = prefetched != null && prefetched.jitOffForTransaction();
    if (!jitOffAlready) {
      RefreshJit.off(connection);
    }
    Result result = refreshJitOff(connection, st, withData, initiator, startedAt, prefetched);
    if (!jitOffAlready) {
      RefreshJit.restore(connection);
    }
    return result;
  }

  private static Result refreshJitOff(
      Connection connection,
      StreamTableRow st,
      boolean withData,
      Initiator initiator,
      OffsetDateTime startedAt,
      Prefetched prefetched)
      throws SQLException {
    StreamTableRow claimedRow = st;
    if (prefetched == null || !prefetched.current() || !prefetched.sourcesUnchanged()) {
      st = SourceDdl.beforeRefresh(connection, st, initiator); // a changed source: rebuilt first
    }
    // a rebuild rewrote the catalog row: what the claim read with it no longer applies
    boolean usable = prefetched != null && prefetched.current() && st == claimedRow;
    if (!usable) {
      requireDefinitionView(connection, st);
    } else if (!prefetched.definitionViewExists()) {
      throw definitionViewGone(st);
    }
    if (st.effectiveMode() == RefreshMode.IMMEDIATE) {
      ImmediateSetup.lock(connection, st.pgtId()); // writers' triggers write it too
    }
    if (!withData) {
      FullRefresher.truncate(connection, st);
      if (st.effectiveMode() == RefreshMode.DIFFERENTIAL) {
        DiffState.storeFrontier(connection, st.pgtId(), null);
      }
      StreamTableCatalog.markRefreshed(connection, st.pgtId(), false);
      HistoryRecorder.succeeded(connection, st.pgtId(), initiator, st.options().refreshMode(),
          Strategy.NO_DATA, 0, null, startedAt);
      return new Result(new RefreshCounts(0, null), startedAt);
    }
    if (st.effectiveMode() == RefreshMode.DIFFERENTIAL) {
      DifferentialRefresher.Outcome outcome = DifferentialRefresher.refresh(
          connection, st, initiator, startedAt, usable ? prefetched.diffState() : null);
      PendingActions.recordRefresh(connection, st, initiator, outcome.counts());
      return new Result(outcome.counts(), startedAt);
    }
    Optional<FullRefresher.StateSource> state = st.effectiveMode() == RefreshMode.IMMEDIATE
        ? ImmediateSetup.fullSource(connection, st.pgtId(), st.storageSql())
        : Optional.empty();
    RefreshCounts counts;
    if (state.isPresent()) { // hidden state columns: computed by the state query
      counts = FullRefresher.refreshWith(connection, st, st.populated(), "NULL::text", state.get()).counts();
    } else {
      counts = st.populated()
          ? FullRefresher.applyDifference(connection, st)
          : new RefreshCounts(FullRefresher.populate(connection, st), 0L);
    }
    RefreshRecord.write(connection, st.pgtId(), null, null, new HistoryRecorder.Success(initiator,
        st.options().refreshMode(), Strategy.FULL, counts.rowsInserted(), counts.rowsDeleted(),
        startedAt, null, null));
    PendingActions.recordRefresh(connection, st, initiator, counts);
    return new Result(counts, startedAt);
  }

  /**
   * A source dropped with CASCADE takes the definition view with it; such a stream table cannot be
   * refreshed any more (55000) until it is dropped and created again.
   */
  private static void requireDefinitionView(Connection connection, StreamTableRow st)
      throws SQLException {
    if (RelationResolver.byOid(connection, st.definitionViewRelid()).isEmpty()) {
      throw definitionViewGone(st);
    }
  }

  private static SQLException definitionViewGone(StreamTableRow st) {
    return SqlStates.error(
          SqlStates.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "stream table \"" + st.name() + "\" cannot be refreshed: its defining query is gone",
          "Its definition view " + st.definitionViewSql()
              + " was dropped, most likely with a source relation dropped with CASCADE.",
          "Drop the stream table and create it again.");
  }
}
