package io.pgtrickle.benchmarks.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies one batch of mixed changes to one {@link ChangingTable} in one transaction, the peer's mix:
 * 70 % UPDATE, 15 % DELETE, 15 % INSERT (so the base size stays constant), and records the batch in the
 * table's delta table (old rows with w = -1, new rows with w = +1) for the floor statements. Untimed.
 * Deterministic for a given seed.
 */
final class ChangeApplier {
  private final ChangingTable table;
  private long nextId;

  ChangeApplier(Connection plain, ChangingTable table) throws SQLException {
    this.table = table;
    try (Statement st = plain.createStatement(); ResultSet rs = st.executeQuery(table.nextIdSql())) {
      rs.next();
      this.nextId = rs.getLong(1);
    }
  }

  ChangingTable table() {
    return table;
  }

  /** The batch's counts. */
  record Batch(int updated, int deleted, int inserted) {
    int total() {
      return updated + deleted + inserted;
    }
  }

  /** Clears the delta table (after every method has consumed the batch). */
  void clearDelta(Connection plain) throws SQLException {
    try (Statement st = plain.createStatement()) {
      st.execute("TRUNCATE " + table.deltaTable());
    }
  }

  /**
   * The seed of the batch after the one seeded with {@code previous}: 0.01 further, wrapped into
   * [0, 1) since PostgreSQL's {@code setseed} accepts only [-1, 1] (a full run applies well over 100
   * batches).
   */
  static double nextSeed(double previous) {
    double next = previous + 0.01;
    return next >= 1 ? next - 1 : next;
  }

  Batch apply(Connection plain, int rows, double seed) throws SQLException {
    int deletes = (int) Math.round(rows * 0.15);
    int inserts = (int) Math.round(rows * 0.15);
    int updates = Math.max(0, rows - deletes - inserts);
    String t = table.table();
    String pick = table.pickTable();
    String delta = table.deltaTable();
    boolean auto = plain.getAutoCommit();
    plain.setAutoCommit(false);
    try (Statement st = plain.createStatement()) {
      st.execute("SELECT setseed(" + seed + ")");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS " + pick + " ON COMMIT DELETE ROWS AS SELECT "
          + table.keyList("s") + ", false AS del FROM " + t + " s WITH NO DATA");
      try (PreparedStatement ps = plain.prepareStatement("INSERT INTO " + pick + " SELECT " + table.keyList("p")
          + ", row_number() OVER () <= ? FROM (SELECT " + table.keyList("s") + " FROM " + t
          + " s ORDER BY random() LIMIT ?) p")) {
        ps.setInt(1, deletes);
        ps.setInt(2, deletes + updates);
        ps.executeUpdate();
      }
      int deleted = st.executeUpdate("WITH d AS (DELETE FROM " + t + " s USING " + pick + " p WHERE p.del AND "
          + table.keyEquals("s", "p") + " RETURNING s.*) INSERT INTO " + delta + " SELECT -1, d.* FROM d");
      st.executeUpdate("INSERT INTO " + delta + " SELECT -1, s.* FROM " + t + " s JOIN " + pick + " p ON "
          + table.keyEquals("s", "p") + " WHERE NOT p.del");
      int updated = st.executeUpdate("WITH u AS (UPDATE " + t + " s SET " + table.updateSet() + " FROM " + pick
          + " p WHERE NOT p.del AND " + table.keyEquals("s", "p") + " RETURNING s.*) INSERT INTO " + delta
          + " SELECT 1, u.* FROM u");
      int inserted = st.executeUpdate("WITH i AS (INSERT INTO " + t + " " + table.insertSelect().replace("%G",
          "generate_series(" + nextId + ", " + (nextId + inserts - 1) + ") g") + " RETURNING *) INSERT INTO "
          + delta + " SELECT 1, i.* FROM i");
      nextId += inserts;
      plain.commit();
      return new Batch(updated, deleted, inserted);
    } catch (SQLException e) {
      plain.rollback();
      throw e;
    } finally {
      plain.setAutoCommit(auto);
    }
  }
}
