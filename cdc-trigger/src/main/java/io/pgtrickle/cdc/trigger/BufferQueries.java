package io.pgtrickle.cdc.trigger;

import static io.pgtrickle.spi.cdc.ChangeBufferLayout.WEIGHT_COLUMN;
import static io.pgtrickle.spi.cdc.ChangeBufferLayout.XID_COLUMN;

import io.pgtrickle.spi.cdc.BufferStats;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.PgSnapshot;
import io.pgtrickle.spi.cdc.SqlIdentifiers;
import io.pgtrickle.spi.cdc.WindowStats;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** Reads and prunes a change buffer: window contents, truncation markers, statistics. */
final class BufferQueries {

  private static final String W = SqlIdentifiers.quote(WEIGHT_COLUMN);
  private static final String XID = SqlIdentifiers.quote(XID_COLUMN);

  private BufferQueries() {}

  static boolean truncatedIn(Connection connection, long sourceOid, ChangeWindow window)
      throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(window.truncatedQuery(sourceOid))) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  static WindowStats windowStats(Connection connection, long sourceOid, ChangeWindow window)
      throws SQLException {
    String sql =
        "SELECT count(*) FILTER (WHERE c." + W + " = " + ChangeBufferLayout.INSERT + "),"
            + " count(*) FILTER (WHERE c." + W + " = " + ChangeBufferLayout.DELETE + "),"
            + " coalesce(bool_or(c." + W + " = " + ChangeBufferLayout.TRUNCATE_MARKER + "), false)"
            + " FROM " + ChangeBufferLayout.qualifiedTableName(sourceOid) + " AS c WHERE "
            + window.predicate("c");
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return new WindowStats(rs.getLong(1), rs.getLong(2), rs.getBoolean(3));
    }
  }

  static long prune(Connection connection, long sourceOid, List<PgSnapshot> frontiers)
      throws SQLException {
    String sql =
        "DELETE FROM " + ChangeBufferLayout.qualifiedTableName(sourceOid) + " AS c WHERE "
            + ChangeWindow.prunablePredicate("c", frontiers);
    try (Statement st = connection.createStatement()) {
      return st.executeLargeUpdate(sql);
    }
  }

  static BufferStats stats(Connection connection, long sourceOid) throws SQLException {
    String buffer = ChangeBufferLayout.qualifiedTableName(sourceOid);
    String sql =
        "SELECT count(*), min(" + XID + ")::text, max(" + XID + ")::text,"
            + " pg_catalog.pg_total_relation_size(" + SqlLiterals.string(buffer) + "::regclass)"
            + " FROM " + buffer;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return new BufferStats(
          sourceOid,
          rs.getLong(1),
          rs.getLong(4),
          Optional.ofNullable(rs.getString(2)).map(Long::parseLong),
          Optional.ofNullable(rs.getString(3)).map(Long::parseLong));
    }
  }
}
