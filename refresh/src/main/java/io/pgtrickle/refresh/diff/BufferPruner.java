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
import java.util.List;

/**
 * Deletes change rows every consumer of a source has consumed, after a refresh. Holds the source's
 * advisory lock ({@link CaptureRegistry}) taken with {@code try}: a consumer being created holds it
 * until its first frontier is committed, and the prune then simply skips the source (a later refresh
 * prunes). Runs only at READ COMMITTED, where the frontiers read here are the committed ones; a
 * REPEATABLE READ transaction could read frontiers older than a consumer that committed meanwhile.
 * Consumers without a frontier (unpopulated) are left out: their next refresh is FULL anyway. A
 * frontier with an own-transaction mark keeps every row of the marked xid ({@link OwnMark#prunableView}).
 */
final class BufferPruner {

  private static final Logger LOG = System.getLogger(BufferPruner.class.getName());

  private BufferPruner() {}

  static void prune(Connection connection, List<Long> sources) throws SQLException {
    if (sources.isEmpty() || !WindowSnapshot.readCommitted(connection)) {
      return;
    }
    for (long oid : sources) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(CaptureRegistry.lockSql("pg_try_advisory_xact_lock", oid))) {
        rs.next();
        if (!rs.getBoolean(1)) {
          continue;
        }
      }
      List<PgSnapshot> frontiers = new ArrayList<>();
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT st.\"frontier\"::text, st.\"frontier_own_xid\"::text, st.\"frontier_own_command\" FROM " + Sql.catalog("pgt_dependencies") + " d JOIN "
                  + Sql.catalog("pgt_stream_tables") + " st ON st.\"pgt_id\" = d.\"pgt_id\""
                  + " WHERE d.\"source_relid\" = ?::oid AND d.\"cdc_mode\" IS NOT NULL"
                  + " AND st.\"frontier\" IS NOT NULL")) {
        ps.setLong(1, oid);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String markXid = rs.getString(2);
            OwnMark mark = markXid == null ? null : new OwnMark(Long.parseLong(markXid), rs.getLong(3));
            frontiers.add(OwnMark.prunableView(PgSnapshot.parse(rs.getString(1)), mark));
          }
        }
      }
      long deleted =
          CaptureRegistry.backend().prune(InTransaction.of(connection),
              SourceRelation.of(oid, "pg_class", "oid " + oid), frontiers);
      LOG.log(Level.TRACE, "pruned {0} change rows of source {1}", deleted, oid);
    }
  }
}
