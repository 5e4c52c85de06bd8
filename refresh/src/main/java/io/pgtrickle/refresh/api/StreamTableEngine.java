package io.pgtrickle.refresh.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The engine API the driver routes intercepted DDL to.
 *
 * <p>Every method receives the application's own <em>unwrapped</em> PgJDBC connection and works in the
 * caller's transaction: with auto-commit on, the statement is its own transaction (committed on
 * success, rolled back on failure); with auto-commit off it runs under an internal savepoint, so a
 * failure leaves the caller's transaction exactly as it was before the statement and nothing behind.
 * Errors are {@link SQLException}s carrying PostgreSQL's SQLSTATE (PostgreSQL's own exception,
 * unwrapped, when the server rejected something).
 */
public interface StreamTableEngine {

  /** Executes one stream-table statement. */
  DdlOutcome execute(Connection connection, StreamTableCommand command) throws SQLException;

  /**
   * Whether {@code name} (resolved through the connection's {@code search_path} like PostgreSQL
   * would) is a stream table. False when the catalog does not exist yet or the name resolves to
   * nothing. One cheap query; it changes nothing, so the driver may call it for every
   * REFRESH/DROP/ALTER MATERIALIZED VIEW it sees to decide whether to route or pass through.
   */
  boolean isStreamTable(Connection connection, QualifiedName name) throws SQLException;

  /**
   * Runs the pending post-refresh actions of the stream tables stored in {@code storageRelids}
   * ({@link DdlOutcome#pendingActions()}), after the transaction of their refresh committed, on a
   * connection that is not inside a transaction. Returns how many ran. An engine without post-refresh
   * actions runs none.
   */
  default int runPostRefreshActions(Connection connection, Collection<Long> storageRelids)
      throws SQLException {
    return 0;
  }

  /**
   * Called by the driver right after it forwarded {@code ALTER TABLE} or {@code DROP TABLE} (any
   * relation) to PostgreSQL, in the same transaction: every stream table whose source was renamed or
   * had a column it uses renamed, retyped or dropped is rebuilt and refreshed. A stream table that
   * cannot be rebuilt does not fail the statement: it is put in status {@code error} and reported as
   * a warning. Does nothing (one cheap query) when no catalog exists or nothing changed.
   */
  default DdlOutcome sourcesAltered(Connection connection) throws SQLException {
    return DdlOutcome.of(0);
  }
}
