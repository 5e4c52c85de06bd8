package io.pgtrickle.cdc.trigger;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Transaction handling shared by every backend method: inside the caller's transaction when auto-commit
 * is off, else in a transaction of its own that commits on success and rolls back on failure.
 */
final class Transactions {

  private static final System.Logger LOG = System.getLogger(Transactions.class.getName());

  private Transactions() {}

  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run();
    }
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        LOG.log(Level.WARNING, "rollback after a failed capture operation failed", rollbackFailure);
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
