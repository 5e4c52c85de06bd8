package io.pgtrickle.refresh.action;

import io.pgtrickle.spi.action.PostRefreshAction;
import io.pgtrickle.spi.action.RefreshedTable;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code reindex_if_drift}: like {@code reindex}, but only once the rows changed since the last
 * rebuild reach {@code reindex_drift_threshold} of the table ({@link RefreshedTable#drift()}); below
 * that, nothing. Meant for indexes that degrade with churn rather than break, such as an IVFFlat index
 * whose lists were built from older embeddings.
 */
public final class ReindexIfDriftAction implements PostRefreshAction {

  @Override
  public String name() {
    return "reindex_if_drift";
  }

  @Override
  public String description() {
    return "reindex once the rows changed since the last rebuild reach reindex_drift_threshold of the"
        + " table";
  }

  @Override
  public boolean run(Connection connection, RefreshedTable table) throws SQLException {
    if (table.drift() < table.driftThreshold()) {
      return false;
    }
    return ReindexAction.reindex(connection, table);
  }
}
