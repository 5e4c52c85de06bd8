package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.cost.AutoStrategy;
import io.pgtrickle.refresh.diff.DiffState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether a differential stream table has anything to consume: a change (or TRUNCATE marker) of one
 * of its sources in the window from its frontier to what a refresh in this transaction would read
 * (the refresh's own S₁, so changes an earlier member of the same diamond group wrote in this
 * transaction count). A stream table without a frontier always needs a refresh.
 */
final class ChangeProbe {

  private ChangeProbe() {}

  static boolean hasPendingChanges(Connection connection, long pgtId) throws SQLException {
    DiffState.Loaded state = DiffState.load(connection, pgtId);
    return state.frontier() == null || AutoStrategy.pendingChanges(connection, state, 1) > 0;
  }
}
