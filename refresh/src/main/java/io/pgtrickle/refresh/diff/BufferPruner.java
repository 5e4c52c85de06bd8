package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.OwnMark;
import io.pgtrickle.spi.cdc.PgSnapshot;
import io.pgtrickle.spi.cdc.SourceRelation;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Deletes change rows every consumer of a source has consumed, after a refresh. Holds the source's
 * advisory lock ({@link CaptureRegistry}) taken with {@code try}: a consumer being created holds it
 * until its first frontier is committed, and the prune then simply skips the source (a later refresh
 * prunes). Runs only at READ COMMITTED, where the frontiers read here are the committed ones; a
 * REPEATABLE READ transaction could read frontiers older than a consumer that committed meanwhile.
 * Consumers without a frontier (unpopulated) are left out: their next refresh is FULL anyway. A
 * frontier with an own-transaction mark keeps every row of the marked xid ({@link OwnMark#prunableView}),
 * and so does every mark a refresh of this transaction replaced ({@link MarkProtection}).
 */
final class BufferPruner {

  private static final Logger LOG = System.getLogger(BufferPruner.class.getName());

  private BufferPruner() {}

  static void prune(Connection connection, List<Long> sources) throws SQLException {
    List<Long> locked = lockSources(connection, sources);
    if (locked.isEmpty()) {
      return;
    }
    List<Long> protectedXids = MarkProtection.remembered(connection);
    Map<Long, List<PgSnapshot>> frontiers = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT d.\"source_relid\"::bigint, st.\"frontier\"::text, st.\"frontier_own_xid\"::text,"
                + " st.\"frontier_own_command\" FROM " + Sql.catalog("pgt_dependencies") + " d JOIN "
                + Sql.catalog("pgt_stream_tables") + " st ON st.\"pgt_id\" = d.\"pgt_id\""
                + " WHERE d.\"source_relid\" = ANY (?::oid[]) AND d.\"cdc_mode\" IS NOT NULL"
                + " AND st.\"frontier\" IS NOT NULL")) {
      ps.setArray(1, connection.createArrayOf("int8", locked.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String markXid = rs.getString(3);
          OwnMark mark = markXid == null ? null : new OwnMark(Long.parseLong(markXid), rs.getLong(4));
          PgSnapshot frontier = OwnMark.prunableView(PgSnapshot.parse(rs.getString(2)), mark);
          for (long xid : protectedXids) {
            frontier = OwnMark.prunableView(frontier, new OwnMark(xid, 0));
          }
          frontiers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(frontier);
        }
      }
    }
    for (long oid : locked) {
      long deleted =
          CaptureRegistry.backend().prune(InTransaction.of(connection),
              SourceRelation.of(oid, "pg_class", "oid " + oid), frontiers.getOrDefault(oid, List.of()));
      LOG.log(Level.TRACE, "pruned {0} change rows of source {1}", deleted, oid);
    }
  }

  /**
   * One statement: the sources whose lock this transaction got, trying each only at READ COMMITTED
   * (none otherwise). The frontiers are read by a later statement, whose snapshot sees every consumer
   * that committed before a lock was granted.
   */
  private static List<Long> lockSources(Connection connection, List<Long> sources)
      throws SQLException {
    List<Long> locked = new ArrayList<>();
    if (sources.isEmpty()) {
      return locked;
    }
    StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM (SELECT"
        + " pg_catalog.current_setting('transaction_isolation') = 'read committed' AS rc) AS i");
    for (long oid : sources) {
      select.add("CASE WHEN i.rc THEN " + CaptureRegistry.lockCall("pg_try_advisory_xact_lock", oid)
          + " ELSE false END");
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(select.toString())) {
      rs.next();
      for (int i = 0; i < sources.size(); i++) {
        if (rs.getBoolean(i + 1)) {
          locked.add(sources.get(i));
        }
      }
    }
    return locked;
  }
}
