package io.pgtrickle.refresh.action;

import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.full.RefreshCounts;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.action.PostRefreshAction;
import io.pgtrickle.spi.action.RefreshedTable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The queue of post-refresh actions, kept in the catalog row of each stream table.
 *
 * <ul>
 *   <li>{@link #recordRefresh}, in the refresh's transaction: adds the refresh's inserted and deleted
 *       rows to {@code rows_changed_since_reindex} and marks the action pending when the stream table
 *       has one. A refresh that rolls back leaves nothing pending.
 *   <li>{@link #runPending}, after the refresh committed: claims each pending row with {@code FOR
 *       UPDATE SKIP LOCKED} and clears it in a short transaction of its own (so two runners never run
 *       one action twice, and a refresh in progress is never waited for), then runs the action in
 *       auto-commit mode and records when it finished, its error if any, and (when it rebuilt the
 *       indexes) subtracts the drift it saw.
 * </ul>
 * A runner that dies between claim and run loses that one run (the next refresh marks it again); an
 * action is housekeeping, never part of the stream table's correctness.
 */
public final class PendingActions {

  private static final Logger LOG = System.getLogger(PendingActions.class.getName());
  private static final String TABLE = Sql.catalog("pgt_stream_tables");

  private PendingActions() {}

  /**
   * In the refresh's transaction, after a successful refresh with data of {@code st}. The population
   * by CREATE is not a refresh here: the indexes were built from it (no drift), and nothing is pending.
   */
  public static void recordRefresh(Connection connection, StreamTableRow st, Initiator initiator,
      RefreshCounts counts) throws SQLException {
    if (initiator == Initiator.CREATE) {
      return;
    }
    long changed = counts.rowsInserted() + (counts.rowsDeleted() == null ? 0 : counts.rowsDeleted());
    boolean pending = !st.options().postRefreshAction().isNone();
    if (changed == 0 && !pending) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE
        + " SET \"rows_changed_since_reindex\" = \"rows_changed_since_reindex\" + ?,"
        + " \"post_action_pending\" = ? WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, changed);
      ps.setBoolean(2, pending);
      ps.setLong(3, st.pgtId());
      ps.executeUpdate();
    }
  }

  /** A claimed action. */
  private record Claimed(PostRefreshAction action, RefreshedTable table, String display) {}

  /**
   * Runs the pending actions of the stream tables stored in {@code storageRelids} (every stream table
   * when null), on {@code connection}, which must not be inside a transaction; its auto-commit mode is
   * restored afterwards. Returns how many actions ran.
   */
  public static int runPending(Connection connection, Collection<Long> storageRelids)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try {
      List<Claimed> claimed = claim(connection, storageRelids);
      connection.setAutoCommit(true);
      for (Claimed c : claimed) {
        run(connection, c);
      }
      return claimed.size();
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static List<Claimed> claim(Connection connection, Collection<Long> storageRelids)
      throws SQLException {
    connection.setAutoCommit(false);
    List<Claimed> claimed = new ArrayList<>();
    try {
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT st.\"pgt_id\", pg_catalog.format('%I.%I', n.\"nspname\", c.\"relname\"),"
              + " st.\"post_refresh_action\", st.\"rows_changed_since_reindex\","
              + " st.\"reindex_drift_threshold\", c.\"reltuples\"::bigint"
              + " FROM " + TABLE + " st JOIN pg_catalog.pg_class c ON c.\"oid\" = st.\"storage_relid\""
              + " JOIN pg_catalog.pg_namespace n ON n.\"oid\" = c.\"relnamespace\""
              + " WHERE st.\"post_action_pending\""
              + (storageRelids == null ? "" : " AND st.\"storage_relid\" = ANY (?::oid[])")
              + " ORDER BY st.\"pgt_id\" FOR UPDATE OF st SKIP LOCKED")) {
        if (storageRelids != null) {
          Array relids = connection.createArrayOf("int8", storageRelids.toArray());
          ps.setArray(1, relids);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String name = rs.getString(3);
            Optional<PostRefreshAction> action = PostRefreshActions.named(name);
            if (action.isEmpty()) {
              LOG.log(Level.WARNING, "post-refresh action {0} of {1} is not registered in this JVM;"
                  + " leaving it to a runner that has it", name, rs.getString(2));
              continue;
            }
            claimed.add(new Claimed(action.get(), new RefreshedTable(rs.getLong(1), rs.getString(2),
                rs.getLong(4), rs.getLong(6), rs.getDouble(5)), rs.getString(2)));
          }
        }
      }
      for (Claimed c : claimed) {
        updateRow(connection, "\"post_action_pending\" = false", c.table().pgtId());
      }
      List<Claimed> ready = new ArrayList<>();
      for (Claimed c : claimed) {
        ready.add(c.table().rowCount() >= 0 ? c : withCountedRows(connection, c));
      }
      connection.commit();
      return ready;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  /** The table has never been analyzed ({@code reltuples} = -1): count it. */
  private static Claimed withCountedRows(Connection connection, Claimed c) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + c.table().qualifiedSql())) {
      rs.next();
      RefreshedTable t = c.table();
      return new Claimed(c.action(), new RefreshedTable(t.pgtId(), t.qualifiedSql(),
          t.changedRowsSinceReindex(), rs.getLong(1), t.driftThreshold()), c.display());
    }
  }

  private static void run(Connection connection, Claimed c) throws SQLException {
    String error = null;
    boolean reindexed = false;
    try {
      reindexed = c.action().run(connection, c.table());
      LOG.log(Level.DEBUG, "post-refresh action {0} ran on {1}", c.action().name(), c.display());
    } catch (SQLException e) {
      error = e.getSQLState() + ": " + e.getMessage();
      LOG.log(Level.WARNING, "post-refresh action " + c.action().name() + " on " + c.display()
          + " failed", e);
    }
    try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE
        + " SET \"post_action_at\" = pg_catalog.clock_timestamp(), \"post_action_error\" = ?,"
        + " \"rows_changed_since_reindex\" = CASE WHEN ? THEN"
        + " GREATEST(0, \"rows_changed_since_reindex\" - ?) ELSE \"rows_changed_since_reindex\" END"
        + " WHERE \"pgt_id\" = ?")) {
      ps.setString(1, error);
      ps.setBoolean(2, reindexed);
      ps.setLong(3, c.table().changedRowsSinceReindex());
      ps.setLong(4, c.table().pgtId());
      ps.executeUpdate();
    }
  }

  private static void updateRow(Connection connection, String set, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE " + TABLE + " SET " + set + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      ps.executeUpdate();
    }
  }
}
