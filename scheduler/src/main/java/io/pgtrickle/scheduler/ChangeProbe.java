package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.WindowSnapshot;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.ChangeWindow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * Whether a differential stream table has anything to consume: a change (or TRUNCATE marker) of one
 * of its sources in the window from its frontier to what a refresh in this transaction would read
 * (the refresh's own S₁ expression, so changes an earlier member of the same diamond group wrote in
 * this transaction count). A stream table without a frontier always needs a refresh.
 */
final class ChangeProbe {

  private ChangeProbe() {}

  static boolean hasPendingChanges(Connection connection, long pgtId) throws SQLException {
    DiffState.Loaded state = DiffState.load(connection, pgtId);
    if (state.frontier() == null) {
      return true;
    }
    if (state.sources().isEmpty()) {
      return false;
    }
    ChangeWindow window =
        ChangeWindow.betweenExpressions(state.frontier().toSqlLiteral(),
            WindowSnapshot.upperSql(connection, state.sources()));
    StringJoiner any = new StringJoiner(" OR ", "SELECT ", "");
    for (long source : state.sources()) {
      any.add("EXISTS (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(source)
          + " AS c WHERE " + window.predicate("c") + ")");
    }
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(any.toString())) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
