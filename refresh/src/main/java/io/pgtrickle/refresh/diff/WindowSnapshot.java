package io.pgtrickle.refresh.diff;

import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.Frontier;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * The upper end S₁ of a change window, and why a refresh is exact in the caller's transaction.
 *
 * <h2>One statement, one snapshot</h2>
 *
 * The engine runs inside the caller's transaction, which is often READ COMMITTED: every statement
 * has its own snapshot. So nothing a refresh decides may depend on two statements seeing the same
 * data. The window's changes, the live sources, the TRUNCATE check and S₁ itself are therefore read
 * by <em>one</em> statement ({@link DeltaMaterializer}): {@code pg_current_snapshot()} returns the
 * statement's active snapshot, which is the snapshot every scan of that statement uses. S₁ is stored
 * as the new frontier, so the next window starts exactly where the live state read here ends: a
 * writer that committed after this statement's snapshot (even one that started before it) is invisible
 * in S₁ and lands in the next window, exactly once (ARCHITECTURE §5). A FULL refresh of a differential
 * stream table (first population, TRUNCATE in the window) likewise takes S₁ in the statement that
 * reads the definition view ({@link FrontierStatements}). Applying the materialised delta afterwards
 * needs no particular snapshot: only this refresh writes the stream table (catalog row claimed FOR
 * UPDATE).
 *
 * <h2>The refreshing transaction's own xid</h2>
 *
 * Change rows carry their writer's top-level xid, and PostgreSQL does not list a transaction's own xid
 * in its snapshots. Two cases:
 * <ul>
 *   <li>This transaction already wrote change rows into a source's buffer (the application changed a
 *       source, then refreshed in the same transaction): the live sources include those writes, so the
 *       window must include them and S₁ must count the own xid as visible: {@link Frontier#CURRENT}.
 *       Changes this transaction makes to the sources <em>after</em> the refresh then carry an xid the
 *       frontier counts as consumed: the next refresh misses them (documented limitation; refresh after
 *       the last change of a transaction, or in a transaction of its own).
 *   <li>Otherwise (the usual case) S₁ counts the own xid as <em>invisible</em> ({@link #OWN_INVISIBLE}):
 *       nothing of it has been consumed, and whatever this transaction writes into the sources later
 *       falls into the next window once it commits.
 * </ul>
 * Whether own change rows exist depends only on this transaction, so it may be checked by an earlier
 * statement ({@link #upperSql}).
 */
public final class WindowSnapshot {

  private static final Logger LOG = System.getLogger(WindowSnapshot.class.getName());

  /**
   * SQL expression of type {@code pg_snapshot}: the statement's snapshot with the own xid (if any)
   * listed as in progress.
   */
  public static final String OWN_INVISIBLE =
      "(SELECT CASE WHEN cur.own IS NULL OR cur.own >= pg_catalog.pg_snapshot_xmax(cur.snap) THEN cur.snap"
          + " ELSE (LEAST((pg_catalog.pg_snapshot_xmin(cur.snap)::text)::bigint, (cur.own::text)::bigint)::text"
          + " || ':' || pg_catalog.pg_snapshot_xmax(cur.snap)::text || ':'"
          + " || (SELECT pg_catalog.string_agg(xs.x::text, ',' ORDER BY xs.x) FROM ("
          + "SELECT (ip::text)::bigint AS x FROM pg_catalog.pg_snapshot_xip(cur.snap) AS ip"
          + " UNION SELECT (cur.own::text)::bigint) AS xs))::pg_catalog.pg_snapshot END"
          + " FROM (SELECT pg_catalog.pg_current_snapshot() AS snap,"
          + " pg_catalog.pg_current_xact_id_if_assigned() AS own) AS cur)";

  private WindowSnapshot() {}

  /** The S₁ expression for a refresh reading the buffers of {@code sourceOids}. */
  public static String upperSql(Connection connection, Collection<Long> sourceOids)
      throws SQLException {
    if (sourceOids.isEmpty()) {
      return OWN_INVISIBLE;
    }
    StringJoiner any = new StringJoiner(" OR ");
    for (long oid : sourceOids) {
      any.add("EXISTS (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(oid) + " AS c WHERE c."
          + "\"" + ChangeBufferLayout.XID_COLUMN + "\" = x.own)");
    }
    String sql =
        "SELECT x.own IS NOT NULL AND (" + any + ") FROM (SELECT"
            + " pg_catalog.pg_current_xact_id_if_assigned() AS own) AS x";
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      if (rs.getBoolean(1)) {
        LOG.log(Level.DEBUG, "refresh consumes changes of its own transaction");
        return Frontier.CURRENT;
      }
    }
    return OWN_INVISIBLE;
  }

  /** Whether the transaction runs at READ COMMITTED. */
  public static boolean readCommitted(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('transaction_isolation')")) {
      rs.next();
      return "read committed".equals(rs.getString(1));
    }
  }
}
