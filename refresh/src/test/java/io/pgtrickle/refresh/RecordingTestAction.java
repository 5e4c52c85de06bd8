package io.pgtrickle.refresh;

import io.pgtrickle.spi.action.PostRefreshAction;
import io.pgtrickle.spi.action.RefreshedTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A third-party post-refresh action as a plugin would register it (test resources'
 * {@code META-INF/services}): records every call; fails with 57014 while {@link #failing} is set.
 */
public final class RecordingTestAction implements PostRefreshAction {

  /** Every table the action ran for, in order. */
  static final List<RefreshedTable> CALLS = new CopyOnWriteArrayList<>();

  /** When true, the action throws. */
  static volatile boolean failing;

  @Override
  public String name() {
    return "test_recording";
  }

  @Override
  public String description() {
    return "test plugin: records its calls";
  }

  @Override
  public boolean run(Connection connection, RefreshedTable table) throws SQLException {
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException("post-refresh actions must run in auto-commit mode");
    }
    CALLS.add(table);
    if (failing) {
      throw new SQLException("the test action was told to fail", "57014");
    }
    return false;
  }
}
