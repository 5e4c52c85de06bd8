package io.pgtrickle.cdc.trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs catalog reads with {@code search_path} set to {@code pg_catalog} only, transaction-locally, and
 * puts the caller's path back afterwards. {@code format_type} and {@code regclass} output then qualify
 * every name outside pg_catalog, which is what generated code that runs under a pinned search_path needs.
 * Must run inside a transaction.
 */
final class SearchPath {

  private SearchPath() {}

  static <T> T withCatalogOnly(Connection connection, SqlWork<T> work) throws SQLException {
    String previous = set(connection, "pg_catalog");
    try {
      return work.run();
    } finally {
      set(connection, previous);
    }
  }

  private static String set(Connection connection, String path) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT pg_catalog.current_setting('search_path'),"
                + " pg_catalog.set_config('search_path', ?, true)")) {
      ps.setString(1, path);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
