package io.pgtrickle.jdbc.script;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The transaction around a script or a batch: in auto-commit mode, one of our own (auto-commit off,
 * commit at the end, roll back on failure, auto-commit back on), as PgJDBC gives a multi-statement
 * string or a batch one implicit transaction; otherwise the application's, left alone.
 */
final class ScriptTransaction {

  private final Connection connection;
  private final boolean own;

  private ScriptTransaction(Connection connection, boolean own) {
    this.connection = connection;
    this.own = own;
  }

  /** Opens our own transaction when {@code wanted} and the connection is in auto-commit mode. */
  static ScriptTransaction begin(Connection connection, boolean wanted) throws SQLException {
    boolean own = wanted && connection.getAutoCommit();
    if (own) {
      connection.setAutoCommit(false);
    }
    return new ScriptTransaction(connection, own);
  }

  /** Whether this is our own transaction (so cursors must not outlive the commit). */
  boolean isOwn() {
    return own;
  }

  void commit() throws SQLException {
    if (own) {
      connection.commit();
    }
  }

  /** Rolls our own transaction back after {@code failure}, recording a failing rollback on it. */
  void rollbackAfter(Throwable failure) {
    if (own) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailed) {
        failure.addSuppressed(rollbackFailed);
      }
    }
  }

  /** Turns auto-commit back on; an error doing so is added to {@code failure} when there is one. */
  void end(Throwable failure) throws SQLException {
    if (!own) {
      return;
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }
}
