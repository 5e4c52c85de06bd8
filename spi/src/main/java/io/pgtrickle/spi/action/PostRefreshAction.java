package io.pgtrickle.spi.action;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What runs after a refresh of a stream table has committed, chosen per stream table with the option
 * {@code pgtrickle.post_refresh_action = '<name>'}. Implementations are found with
 * {@link java.util.ServiceLoader} (register them in {@code META-INF/services/
 * io.pgtrickle.spi.action.PostRefreshAction}); the built-ins are {@code none}, {@code analyze},
 * {@code reindex} and {@code reindex_if_drift}.
 *
 * <p>The engine records a pending action in the stream table's catalog row in the refresh's own
 * transaction, so it survives a crash and is never run for a refresh that rolled back. A runner (the
 * driver after the refresh's transaction commits, or the scheduler after each unit) claims the pending
 * row, clears it, commits, and only then calls {@link #run} on a connection in auto-commit mode: an
 * action may use statements that cannot run in a transaction block, such as
 * {@code REINDEX … CONCURRENTLY}. An action that throws is logged and recorded in the catalog
 * ({@code post_action_error}); the stream table itself is not affected.
 */
public interface PostRefreshAction {

  /** The option value that selects this action: lower case, unique among the registered actions. */
  String name();

  /** One line for the documentation and error messages. */
  String description();

  /**
   * Runs the action for {@code table}, on {@code connection} in auto-commit mode.
   *
   * @return true if the action rebuilt the stream table's indexes (the engine then resets the drift
   *     counter, {@link RefreshedTable#changedRowsSinceReindex})
   */
  boolean run(Connection connection, RefreshedTable table) throws SQLException;
}
