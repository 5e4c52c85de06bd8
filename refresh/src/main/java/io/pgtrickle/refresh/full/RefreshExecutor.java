package io.pgtrickle.refresh.full;

import io.pgtrickle.refresh.action.PendingActions;
import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Strategy;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.source.SourceDdl;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.DifferentialRefresher;
import io.pgtrickle.refresh.immediate.ImmediateSetup;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

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

  /** Refreshes {@code st} (with data, or emptying it for {@code WITH NO DATA}). */
  public static Result refresh(
      Connection connection,
      StreamTableRow st,
      boolean withData,
      Initiator initiator,
      OffsetDateTime startedAt)
      throws SQLException {
    st = SourceDdl.beforeRefresh(connection, st, initiator); // a changed source: rebuilt first
    requireDefinitionView(connection, st);
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
      DifferentialRefresher.Outcome outcome =
          DifferentialRefresher.refresh(connection, st, initiator, startedAt);
      PendingActions.recordRefresh(connection, st, initiator, outcome.counts());
      return new Result(outcome.counts(), startedAt);
    }
    RefreshCounts counts =
        st.populated()
            ? FullRefresher.applyDifference(connection, st)
            : new RefreshCounts(FullRefresher.populate(connection, st), 0L);
    StreamTableCatalog.markRefreshed(connection, st.pgtId(), true);
    HistoryRecorder.succeeded(connection, st.pgtId(), initiator, st.options().refreshMode(),
        Strategy.FULL, counts.rowsInserted(), counts.rowsDeleted(), startedAt);
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
      throw SqlStates.error(
          SqlStates.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "stream table \"" + st.name() + "\" cannot be refreshed: its defining query is gone",
          "Its definition view " + st.definitionViewSql()
              + " was dropped, most likely with a source relation dropped with CASCADE.",
          "Drop the stream table and create it again.");
    }
  }
}
