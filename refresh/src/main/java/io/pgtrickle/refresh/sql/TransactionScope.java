package io.pgtrickle.refresh.sql;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs one engine statement with PostgreSQL's statement atomicity inside the caller's transaction
 * model.
 *
 * <ul>
 *   <li>Auto-commit on: the statement is its own transaction. Auto-commit is switched off, the work
 *       runs, and it is committed, or rolled back on failure; auto-commit is switched back on either
 *       way.
 *   <li>Auto-commit off: the work runs under an internal savepoint. On success the savepoint is
 *       released (the work becomes part of the caller's transaction, which the caller commits or
 *       rolls back); on failure it is rolled back to and released, so the caller's transaction is
 *       exactly as it was before the statement and still usable.
 * </ul>
 */
public final class TransactionScope {

  private static final Logger LOG = System.getLogger(TransactionScope.class.getName());

  /** A unit of work that talks to the database. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  private final Connection connection;
  private final boolean ownTransaction;

  private TransactionScope(Connection connection, boolean ownTransaction) {
    this.connection = connection;
    this.ownTransaction = ownTransaction;
  }

  /**
   * Whether the statement runs as its own transaction (auto-commit was on). Only then may an engine
   * record something after a failure (in a further transaction of its own) without touching the
   * caller's transaction.
   */
  public boolean ownTransaction() {
    return ownTransaction;
  }

  /** Runs {@code work} atomically, as described in the class comment. */
  public static <T> T run(Connection connection, Work<T> work) throws SQLException {
    return run(connection, scope -> work.run());
  }

  /** Like {@link #run(Connection, Work)}, giving the work its scope. */
  public static <T> T run(Connection connection, ScopedWork<T> work) throws SQLException {
    if (connection.getAutoCommit()) {
      TransactionScope scope = new TransactionScope(connection, true);
      connection.setAutoCommit(false);
      try {
        T result = work.run(scope);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        restoreAutoCommit(connection);
      }
    }
    TransactionScope scope = new TransactionScope(connection, false);
    Savepoint savepoint = connection.setSavepoint();
    T result;
    try {
      result = work.run(scope);
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
    connection.releaseSavepoint(savepoint);
    return result;
  }

  /** A unit of work that wants to know its scope. */
  @FunctionalInterface
  public interface ScopedWork<T> {
    T run(TransactionScope scope) throws SQLException;
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not switch auto-commit back on", e);
    }
  }
}
