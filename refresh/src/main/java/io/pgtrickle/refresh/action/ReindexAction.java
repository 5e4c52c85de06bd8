package io.pgtrickle.refresh.action;

import io.pgtrickle.spi.action.PostRefreshAction;
import io.pgtrickle.spi.action.RefreshedTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code reindex}: rebuild every index of the stream table with {@code REINDEX TABLE CONCURRENTLY}
 * (readers and writers are not blocked; an ANN index of pgvector embeddings, say, is rebuilt from the
 * current rows), then {@code ANALYZE} it.
 */
public class ReindexAction implements PostRefreshAction {

  @Override
  public String name() {
    return "reindex";
  }

  @Override
  public String description() {
    return "REINDEX TABLE CONCURRENTLY the stream table, then ANALYZE it";
  }

  @Override
  public boolean run(Connection connection, RefreshedTable table) throws SQLException {
    return reindex(connection, table);
  }

  /** Rebuilds the indexes and analyzes; always true. */
  static boolean reindex(Connection connection, RefreshedTable table) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("REINDEX TABLE CONCURRENTLY " + table.qualifiedSql());
      st.execute("ANALYZE " + table.qualifiedSql());
    }
    return true;
  }
}
