package io.pgtrickle.spi.cdc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Taking a frontier: the snapshot up to which a consumer has applied the changes of its sources.
 *
 * <p>The frontier is the transaction snapshot of the refresh ({@code pg_current_snapshot()}, the same
 * value for every statement of a REPEATABLE READ transaction) with one correction: the refreshing
 * transaction's <em>own</em> xid, if it has one, counts as visible. PostgreSQL never lists a
 * transaction's own xid in its own snapshot, and an xid assigned after the snapshot was taken is
 * {@code >= xmax}, so {@code pg_visible_in_snapshot(own, pg_current_snapshot())} is false although the
 * transaction sees its own writes. When a refresh writes into a change buffer (a stream table that feeds
 * another stream table, refreshed in the same transaction) the consumer reads the live table including
 * those writes, so its window must include them, and its stored frontier must mark them as consumed.
 * {@link #CURRENT} therefore returns {@code xmin : own+1 : xip ∪ [xmax, own)}: the own xid becomes
 * visible and every xid between the old {@code xmax} and the own xid stays invisible (they were not
 * visible to the snapshot either). The list is short when the transaction gets its xid early: make
 * {@link #ASSIGN_XID} the first statement of a refresh transaction that will write.
 *
 * <p>Evaluate the frontier <em>immediately before</em> the consumer's delta reads its sources, and store
 * exactly that value as the consumer's new frontier. Within one transaction, refresh a consumer only
 * after everything that transaction writes into its sources (topological order): later writes of the
 * same transaction carry the same xid and would count as already consumed.
 */
public final class Frontier {

  /**
   * First statement of a refresh transaction that will write: fixes the REPEATABLE READ snapshot and
   * assigns the transaction's xid right after it, so that {@link #CURRENT} stays compact.
   */
  public static final String ASSIGN_XID = "SELECT pg_current_xact_id()";

  /** SQL expression of type {@code pg_snapshot}: the current snapshot, own xid counted as visible. */
  public static final String CURRENT =
      "(SELECT CASE WHEN cur.own IS NULL OR cur.own < pg_snapshot_xmax(cur.snap) THEN cur.snap"
          + " ELSE (pg_snapshot_xmin(cur.snap)::text || ':' || ((cur.own::text)::bigint + 1)::text"
          + " || ':' || coalesce((SELECT string_agg(xs.x::text, ',' ORDER BY xs.x) FROM ("
          + "SELECT (ip::text)::bigint AS x FROM pg_snapshot_xip(cur.snap) AS ip"
          + " UNION ALL SELECT generate_series((pg_snapshot_xmax(cur.snap)::text)::bigint,"
          + " (cur.own::text)::bigint - 1)) AS xs), ''))::pg_snapshot END"
          + " FROM (SELECT pg_current_snapshot() AS snap, pg_current_xact_id_if_assigned() AS own) AS cur)";

  /** A query with one row and one text column: {@link #CURRENT} as text. */
  public static final String CURRENT_QUERY = "SELECT (" + CURRENT + ")::text";

  private Frontier() {}

  /** Runs {@link #CURRENT_QUERY} on {@code connection}, inside the caller's transaction. */
  public static PgSnapshot current(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(CURRENT_QUERY)) {
      rs.next();
      return PgSnapshot.parse(rs.getString(1));
    }
  }
}
