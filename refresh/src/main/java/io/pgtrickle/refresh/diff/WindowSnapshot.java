package io.pgtrickle.refresh.diff;

import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.Frontier;
import io.pgtrickle.spi.cdc.OwnMark;
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
 *       Changes this transaction makes to the sources <em>after</em> the refresh carry the same xid,
 *       which S₁ counts as consumed; so S₁ comes with an {@link OwnMark}: the greatest command id
 *       ({@code cmin}) among the own change rows, read here. The next window adds the own rows written
 *       after it ({@link io.pgtrickle.spi.cdc.ChangeWindow#withLowerMark}).
 *   <li>Otherwise (the usual case) S₁ counts the own xid as <em>invisible</em> ({@link #OWN_INVISIBLE}):
 *       nothing of it has been consumed, and whatever this transaction writes into the sources later
 *       falls into the next window once it commits.
 * </ul>
 * Whether own change rows exist, and the greatest command that wrote one, depend only on this
 * transaction, so an earlier statement may read them ({@link #upper}).
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

  /**
   * S₁ as SQL of type {@code pg_snapshot}, and the own-transaction mark to store with it (null: none).
   */
  public record Upper(String sql, OwnMark mark) {}

  /** S₁ for a refresh reading the buffers of {@code sourceOids}. */
  public static Upper upper(Connection connection, Collection<Long> sourceOids) throws SQLException {
    if (sourceOids.isEmpty()) {
      return new Upper(OWN_INVISIBLE, null);
    }
    StringJoiner commands = new StringJoiner(", ");
    for (long oid : sourceOids) {
      commands.add("(SELECT pg_catalog.max(" + OwnMark.commandOf("c") + ") FROM "
          + ChangeBufferLayout.qualifiedTableName(oid) + " AS c WHERE c.\""
          + ChangeBufferLayout.XID_COLUMN + "\" = x.own)");
    }
    String sql = "SELECT (x.own::text)::bigint, GREATEST(" + commands + ") FROM (SELECT"
        + " pg_catalog.pg_current_xact_id_if_assigned() AS own) AS x WHERE x.own IS NOT NULL";
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      if (rs.next()) {
        long command = rs.getLong(2);
        if (!rs.wasNull()) {
          LOG.log(Level.DEBUG, "refresh consumes changes of its own transaction up to command {0}", command);
          return new Upper(Frontier.CURRENT, new OwnMark(rs.getLong(1), command));
        }
      }
    }
    return new Upper(OWN_INVISIBLE, null);
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
