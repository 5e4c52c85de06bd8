package io.pgtrickle.refresh.sql;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

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

  /**
   * The internal savepoint (SQL statements rather than {@code Connection.setSavepoint}, which PgJDBC
   * refuses in auto-commit mode, where an application may still have opened a block with BEGIN).
   */
  static final String SAVEPOINT = "\"pgtrickle_statement\"";

  private final boolean ownTransaction;

  private TransactionScope(boolean ownTransaction) {
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
    if (connection.getAutoCommit() && !insideTransactionBlock(connection)) {
      TransactionScope scope = new TransactionScope(true);
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
    TransactionScope scope = new TransactionScope(false);
    sql(connection, "SAVEPOINT " + SAVEPOINT);
    T result;
    try {
      result = work.run(scope);
    } catch (SQLException | RuntimeException | Error e) {
      try {
        sql(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        sql(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
    sql(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
    return result;
  }

  private static void sql(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /**
   * Whether a statement sent now runs as a transaction of its own (auto-commit on, no transaction block
   * open): its failure then leaves nothing behind that the application could notice.
   */
  public static boolean ownTransactionNow(Connection connection) throws SQLException {
    return connection.getAutoCommit() && !insideTransactionBlock(connection);
  }

  /** A unit of work that wants to know its scope. */
  @FunctionalInterface
  public interface ScopedWork<T> {
    T run(TransactionScope scope) throws SQLException;
  }

  /**
   * Auto-commit is on but the application opened a transaction block with a plain {@code BEGIN}: the
   * statement must then not commit that transaction, so it runs under a savepoint like with auto-commit
   * off.
   */
  private static boolean insideTransactionBlock(Connection connection) {
    try {
      if (connection.isWrapperFor(BaseConnection.class)) {
        return connection.unwrap(BaseConnection.class).getTransactionState()
            != TransactionState.IDLE;
      }
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "could not read the transaction state", e);
    }
    return false;
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
