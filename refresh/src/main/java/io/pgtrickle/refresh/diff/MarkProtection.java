package io.pgtrickle.refresh.diff;

import io.pgtrickle.spi.cdc.OwnMark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the change rows of an own-transaction mark ({@link OwnMark}) safe from pruning for the rest
 * of a transaction that replaces the mark.
 *
 * <p>The mark relies on a change row's {@code cmin}, which PostgreSQL keeps in the same header field
 * as {@code cmax}: when another transaction deletes the row, the field is overwritten with the
 * deleter's command id, and if that transaction (or the savepoint) rolls back, the row comes back
 * with the wrong {@code cmin}. A refresh that replaces a stream table's mark could prune exactly such
 * rows (its transaction's frontiers no longer carry the old mark) and then roll back, after which the
 * restored mark would count the damaged rows again. So every refresh remembers the mark it loaded in
 * a transaction-local setting ({@value #SETTING}, rolled back with the transaction or savepoint that
 * set it), and {@link BufferPruner} keeps the rows of every remembered xid.
 */
final class MarkProtection {

  /** Comma-separated xids, transaction-local. */
  static final String SETTING = "pgtrickle.protected_mark_xids";

  private MarkProtection() {}

  /** Called by a refresh with the mark it loaded (null: nothing to remember). */
  static void remember(Connection connection, OwnMark loaded) throws SQLException {
    if (loaded == null) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config(?,"
        + " COALESCE(NULLIF(pg_catalog.current_setting(?, true), '') || ',', '') || ?, true)")) {
      ps.setString(1, SETTING);
      ps.setString(2, SETTING);
      ps.setString(3, Long.toString(loaded.xid()));
      ps.executeQuery().close();
    }
  }

  /** The xids remembered in this transaction. */
  static List<Long> remembered(Connection connection) throws SQLException {
    List<Long> xids = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT pg_catalog.current_setting(?, true)")) {
      ps.setString(1, SETTING);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String value = rs.getString(1);
        if (value != null && !value.isBlank()) {
          for (String xid : value.split(",")) {
            xids.add(Long.parseLong(xid.strip()));
          }
        }
      }
    }
    return xids;
  }
}
