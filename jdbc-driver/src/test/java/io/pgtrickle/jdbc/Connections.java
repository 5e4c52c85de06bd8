package io.pgtrickle.jdbc;

import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small helpers for the driver's database tests. */
final class Connections {

  private Connections() {}

  /** A connection through {@code DriverManager} and {@code jdbc:pgtrickle:}. */
  static Connection trickle(TestDatabase db) throws SQLException {
    return DriverManager.getConnection(db.pgtrickleUrl(), db.properties());
  }

  /** The single value of a one-row, one-column query (through a plain PgJDBC connection). */
  static String scalar(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return scalar(c, sql);
    }
  }

  static String scalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql);
      }
      return rs.getString(1);
    }
  }

  /** Whether {@code name} is registered in the pgtrickle catalog. */
  static boolean isStreamTable(TestDatabase db, String name) throws SQLException {
    return "t".equals(
        scalar(
            db,
            "SELECT pg_catalog.to_regclass('pgtrickle.pgt_stream_tables') IS NOT NULL AND EXISTS (SELECT 1 FROM"
                + " pgtrickle.pgt_stream_tables WHERE storage_name = '" + name + "')"));
  }

  /** Whether {@code name} is a plain materialized view. */
  static boolean isMaterializedView(TestDatabase db, String name) throws SQLException {
    return "t".equals(scalar(db, "SELECT EXISTS (SELECT 1 FROM pg_matviews WHERE matviewname = '" + name + "')"));
  }

  static boolean relationExists(TestDatabase db, String name) throws SQLException {
    return "t".equals(scalar(db, "SELECT pg_catalog.to_regclass('" + name + "') IS NOT NULL"));
  }
}
