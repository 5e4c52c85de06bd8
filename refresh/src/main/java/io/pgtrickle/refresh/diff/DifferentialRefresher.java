package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Strategy;
import io.pgtrickle.refresh.catalog.RefreshRecord;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.cost.AutoStrategy;
import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.ddl.DefinitionView;
import io.pgtrickle.refresh.full.FullRefresher;
import io.pgtrickle.refresh.full.RefreshCounts;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.sql.Maintenance;
import io.pgtrickle.spi.cdc.OwnMark;
import io.pgtrickle.spi.cdc.PgSnapshot;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One refresh of a differential stream table whose catalog row the caller has claimed FOR UPDATE (so
 * refreshes of one stream table serialize), in the caller's transaction:
 *
 * <ol>
 *   <li>no frontier yet (just created, or after WITH NO DATA): FULL with the frontier taken in the
 *       same statement ({@link FullRefresher#refreshWith}); a stream table with hidden state columns
 *       is computed by its state query instead of its definition view;
 *   <li>else, when no source buffer has a row in the window ({@link ChangeProbe}), S₁ simply becomes
 *       the frontier, written with the catalog state and history by the probe's own statement: nothing
 *       changed, nothing to decide, plan, apply or prune;
 *   <li>else, with {@code refresh_mode = auto}, FULL when the cost model says so ({@link AutoStrategy},
 *       the reason noted in history);
 *   <li>else the window (stored frontier S₀, S₁ of this statement) is materialised by
 *       {@link DeltaMaterializer}; a TRUNCATE of a source in the window → FULL for this window (noted in
 *       history); else {@link KeyedApplier} (row key) or {@link BagApplier} (bag) applies it; a delta
 *       that does not fit the stored rows (or whose hidden counts go NULL or negative,
 *       {@link HiddenColumns#negativeCountSql}) → FULL too (noted), never a wrong result;
 *   <li>S₁ becomes the frontier; history records the executed strategy and delta size (one statement,
 *       {@link RefreshRecord});
 *   <li>the sources' buffers are pruned ({@link BufferPruner}).
 * </ol>
 */
public final class DifferentialRefresher {

  private static final Logger LOG = System.getLogger(DifferentialRefresher.class.getName());

  private DifferentialRefresher() {}

  /** What ran. */
  public record Outcome(RefreshCounts counts, Strategy strategy, Long deltaRows, String note) {}

  /** What ran, and the frontier to store (with its own-transaction mark, null: none). */
  private record Done(Outcome outcome, PgSnapshot frontier, OwnMark mark) {}

  /** Refreshes {@code st} and records history; {@code startedAt} from {@link HistoryRecorder#clock}. */
  public static Outcome refresh(Connection connection, StreamTableRow st, Initiator initiator,
      OffsetDateTime startedAt) throws SQLException {
    return refresh(connection, st, initiator, startedAt, null);
  }

  /**
   * Like {@link #refresh(Connection, StreamTableRow, Initiator, OffsetDateTime)} with the differential
   * state already read with the claim of the row (null: read here).
   */
  public static Outcome refresh(Connection connection, StreamTableRow st, Initiator initiator,
      OffsetDateTime startedAt, DiffState.Loaded preloaded) throws SQLException {
    DiffState.Loaded state = preloaded != null ? preloaded : DiffState.load(connection, st.pgtId());
    MarkProtection.remember(connection, state.ownMark());
    Done done;
    AutoStrategy.Choice choice = AutoStrategy.Choice.NONE;
    // S₁'s own-transaction part depends only on this transaction: read once for the whole refresh
    WindowSnapshot.Upper upper = WindowSnapshot.upper(connection, state.sources());
    if (state.frontier() == null || !st.populated()) {
      done = full(connection, st, state, null, upper);
    } else {
      // the usual case first, before AUTO counts anything: nothing changed, nothing to decide
      boolean auto = st.options().refreshMode() == RefreshMode.AUTO;
      if (ChangeProbe.recordIfUnchanged(connection, st.pgtId(), state.frontier(), state.ownMark(), upper,
          state.sources(), new HistoryRecorder.Success(initiator, st.options().refreshMode(),
              Strategy.DIFFERENTIAL, 0, 0L, startedAt, 0L, null, auto ? 0L : null))) {
        return new Outcome(new RefreshCounts(0, 0L), Strategy.DIFFERENTIAL, 0L, null);
      }
      choice = AutoStrategy.choose(connection, st, state, upper.sql());
      done = choice.full()
          ? full(connection, st, state, choice.fullReason(), upper)
          : differential(connection, st, state, upper);
    }
    Outcome o = done.outcome();
    RefreshRecord.write(connection, st.pgtId(), DiffState.frontierSet("?::pg_catalog.pg_snapshot"),
        (ps, index) -> DiffState.bindFrontier(ps, index, done.frontier(), done.mark()),
        new HistoryRecorder.Success(initiator, st.options().refreshMode(), o.strategy(),
            o.counts().rowsInserted(), o.counts().rowsDeleted(), startedAt, o.deltaRows(), o.note(),
            choice.sourceChanges()));
    // (a window without rows, answered by the probe above, consumed nothing: nothing to prune there)
    BufferPruner.prune(connection, state.sources());
    return o;
  }

  /** Applies the window's delta; the caller's probe found changes in it. */
  private static Done differential(Connection connection, StreamTableRow st, DiffState.Loaded state,
      WindowSnapshot.Upper upper) throws SQLException {
    List<Column> columns = new ArrayList<>(DefinitionView.columns(connection, st.definitionViewRelid()));
    columns.addAll(HiddenColumns.of(connection, st.storageSql(), state.hiddenColumns()));
    DeltaMaterializer.Materialized delta =
        DeltaMaterializer.run(connection, st.pgtId(), state.deltaQuery(), columns, state.frontier(),
            state.ownMark(), upper.sql(), state.sources());
    try {
      if (delta.truncated()) {
        return full(connection, st, state, "a source was truncated in the change window", upper);
      }
      boolean consistent =
          Maintenance.bypassGuard(connection, () -> apply(connection, st, columns, state, delta));
      if (!consistent) {
        LOG.log(Level.WARNING, "the delta of {0} does not fit its stored rows; refreshing FULL",
            st.displayName());
        throw new Inconsistent();
      }
      return new Done(new Outcome(new RefreshCounts(delta.inserts(), delta.deletes()),
          Strategy.DIFFERENTIAL, delta.rows(), null), delta.upper(), upper.mark());
    } catch (Inconsistent e) {
      return full(connection, st, state, "the delta did not fit the stored rows", upper);
    } finally {
      DeltaMaterializer.drop(connection, delta.table());
    }
  }

  private static boolean apply(Connection connection, StreamTableRow st, List<Column> columns,
      DiffState.Loaded state, DeltaMaterializer.Materialized delta) throws SQLException {
    if (delta.rows() == 0) {
      return true;
    }
    if (!state.hiddenColumns().isEmpty()) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT " + HiddenColumns.negativeCountSql(delta.table(),
              state.hiddenColumns()))) {
        rs.next();
        if (rs.getBoolean(1)) {
          return false;
        }
      }
    }
    RowMatch match = RowMatch.on(connection, ApplyIndex.matchColumns(columns, state.rowKey()));
    if (state.rowKey().isEmpty()) {
      return BagApplier.apply(connection, st.storageSql(), delta.table(), columns, match,
          delta.inserts(), delta.deletes());
    }
    return KeyedApplier.apply(connection, st.storageSql(), delta.table(), columns, state.rowKey(), match);
  }

  /**
   * A FULL refresh that takes the frontier in its own statement. An inconsistent apply may have
   * written part of the delta: the FULL difference repairs whatever is stored.
   */
  private static Done full(Connection connection, StreamTableRow st, DiffState.Loaded state,
      String note, WindowSnapshot.Upper upper) throws SQLException {
    FullRefresher.WithExtra result = state.stateQuery() == null
        ? FullRefresher.refreshWith(connection, st, st.populated(), upper.sql() + "::text")
        : FullRefresher.refreshWith(connection, st, st.populated(), upper.sql() + "::text",
            new FullRefresher.StateSource(state.stateQuery(),
                HiddenColumns.of(connection, st.storageSql(), state.hiddenColumns())));
    return new Done(new Outcome(result.counts(), Strategy.FULL, null, note),
        PgSnapshot.parse(result.extra()), upper.mark());
  }

  /** Marker for a delta that does not fit the stored rows. */
  private static final class Inconsistent extends SQLException {
    private static final long serialVersionUID = 1L;
  }
}
