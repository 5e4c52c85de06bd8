package io.pgtrickle.refresh.action;

import io.pgtrickle.spi.action.PostRefreshAction;
import io.pgtrickle.spi.action.RefreshedTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code analyze}: {@code ANALYZE} the stream table, so the planner sees its new statistics. */
public final class AnalyzeAction implements PostRefreshAction {

  @Override
  public String name() {
    return "analyze";
  }

  @Override
  public String description() {
    return "ANALYZE the stream table";
  }

  @Override
  public boolean run(Connection connection, RefreshedTable table) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("ANALYZE " + table.qualifiedSql());
    }
    return false;
  }
}
