package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.Relation;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.full.RefreshExecutor;
import io.pgtrickle.refresh.sql.SqlStates;
import io.pgtrickle.refresh.sql.TransactionScope;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]} on a stream table.
 *
 * <p>The catalog row is claimed with {@code SELECT … FOR UPDATE}, so two refreshes of one stream table
 * serialize: the second waits for the first to commit and then computes its difference against the
 * first's result (in READ COMMITTED each statement sees the latest committed data). {@code CONCURRENTLY}
 * is accepted and changes nothing: a refresh only writes the difference, so readers are never blocked
 * beyond the row locks of changed rows. {@code CONCURRENTLY} with {@code WITH NO DATA} is 0A000 as in
 * PostgreSQL. A name that is not a stream table goes to PostgreSQL's own REFRESH.
 *
 * <p>When the statement ran in its own transaction (auto-commit) and failed, the failure is recorded
 * afterwards in a further transaction (status {@code error}, last error, consecutive failures, a
 * {@code failed} history row); inside an application transaction nothing is recorded, since the
 * application's transaction must stay as it was.
 */
public final class RefreshHandler implements CommandHandler {

  private static final Logger LOG = System.getLogger(RefreshHandler.class.getName());

  private final RefreshStreamTable command;
  private StreamTableRow claimed;
  private OffsetDateTime startedAt;
  private boolean ownTransaction;

  public RefreshHandler(RefreshStreamTable command) {
    this.command = command;
  }

  @Override
  public void validate() throws SQLException {
    if (command.concurrently() && !command.withData()) {
      throw SqlStates.error(
          SqlStates.FEATURE_NOT_SUPPORTED,
          "REFRESH options CONCURRENTLY and WITH NO DATA cannot be used together");
    }
  }

  @Override
  public DdlOutcome handle(Connection connection, TransactionScope scope) throws SQLException {
    claimed = null;
    ownTransaction = scope.ownTransaction();
    // in a transaction of its own, the claim also switches JIT off for the rest of it
    Optional<StreamTableCatalog.Claimed<RefreshExecutor.Prefetched>> claim =
        StreamTableCatalog.lockByName(connection, command.name(), ownTransaction
            ? RefreshExecutor.PREFETCH_COLUMNS_JIT_OFF : RefreshExecutor.PREFETCH_COLUMNS,
            RefreshExecutor::readPrefetch);
    if (claim.isPresent()) { // the usual case: one statement claims the row and reads the rest
      claimed = claim.get().row();
      RefreshExecutor.Prefetched prefetched = ownTransaction
          ? claim.get().extra().withJitOffForTransaction() : claim.get().extra();
      startedAt = prefetched.startedAt();
      return refresh(connection, prefetched);
    }
    Relation relation =
        RelationResolver.resolve(connection, command.name())
            .orElseThrow(() -> Messages.relationDoesNotExist(command.name()));
    Optional<StreamTableRow> row = StreamTableCatalog.lockByRelid(connection, relation.oid());
    if (row.isEmpty()) {
      if (RelationResolver.byOid(connection, relation.oid()).isEmpty()) {
        throw Messages.relationDoesNotExist(command.name()); // dropped while we waited for the lock
      }
      passThrough(connection, relation);
      return DdlOutcome.of(0);
    }
    claimed = row.get();
    startedAt = HistoryRecorder.clock(connection);
    return refresh(connection, null);
  }

  private DdlOutcome refresh(Connection connection, RefreshExecutor.Prefetched prefetched)
      throws SQLException {
    RefreshExecutor.Result result = RefreshExecutor.refresh(
        connection, claimed, command.withData(), Initiator.REFRESH, startedAt, prefetched);
    LOG.log(Level.DEBUG, "refreshed {0}: +{1} -{2}", claimed.displayName(),
        result.counts().rowsInserted(), result.counts().rowsDeleted());
    boolean actionPending = command.withData() && !claimed.options().postRefreshAction().isNone();
    return new DdlOutcome(0, List.of(), actionPending ? List.of(claimed.storageRelid()) : List.of());
  }

  @Override
  public void afterFailure(Connection connection, SQLException failure) {
    if (claimed == null || !ownTransaction) {
      return;
    }
    StreamTableRow st = claimed;
    try {
      TransactionScope.run(
          connection,
          () -> {
            if (StreamTableCatalog.lockByRelid(connection, st.storageRelid()).isEmpty()) {
              return null;
            }
            StreamTableCatalog.markFailed(connection, st.pgtId(), failure.getSQLState(),
                failure.getMessage());
            HistoryRecorder.failed(connection, st.pgtId(), Initiator.REFRESH,
                st.options().refreshMode(), startedAt, failure.getSQLState(), failure.getMessage());
            return null;
          });
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not record the failed refresh of " + st.displayName(), e);
      failure.addSuppressed(e);
    }
  }

  private void passThrough(Connection connection, Relation relation) throws SQLException {
    String sql =
        "REFRESH MATERIALIZED VIEW " + (command.concurrently() ? "CONCURRENTLY " : "")
            + relation.sql() + (command.withData() ? "" : " WITH NO DATA");
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
