package io.pgtrickle.benchmarks.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies one batch of mixed changes to {@code src} in one transaction, the peer's mix: 70 % UPDATE,
 * 15 % DELETE, 15 % INSERT (so the base size stays constant), and records the batch in
 * {@code bench_delta} (old rows with w = -1, new rows with w = +1) for the floor statements. Untimed.
 * Deterministic for a given seed.
 */
final class ChangeApplier {
  private long nextId;

  ChangeApplier(long firstFreeId) {
    this.nextId = firstFreeId;
  }

  /** The batch's counts. */
  record Batch(int updated, int deleted, int inserted) {
    int total() {
      return updated + deleted + inserted;
    }
  }

  /** Clears {@code bench_delta} (after every method has consumed the batch). */
  static void clearDelta(Connection plain) throws SQLException {
    try (Statement st = plain.createStatement()) {
      st.execute("TRUNCATE bench_delta");
    }
  }

  Batch apply(Connection plain, int rows, double seed) throws SQLException {
    int deletes = (int) Math.round(rows * 0.15);
    int inserts = (int) Math.round(rows * 0.15);
    int updates = Math.max(0, rows - deletes - inserts);
    boolean auto = plain.getAutoCommit();
    plain.setAutoCommit(false);
    try (Statement st = plain.createStatement()) {
      st.execute("SELECT setseed(" + seed + ")");
      st.execute("CREATE TEMP TABLE IF NOT EXISTS bench_pick (id bigint PRIMARY KEY, del boolean) ON COMMIT DELETE ROWS");
      try (PreparedStatement ps = plain.prepareStatement("INSERT INTO bench_pick"
          + " SELECT id, row_number() OVER () <= ? FROM (SELECT id FROM src ORDER BY random() LIMIT ?) p")) {
        ps.setInt(1, deletes);
        ps.setInt(2, deletes + updates);
        ps.executeUpdate();
      }
      int deleted = st.executeUpdate("WITH d AS (DELETE FROM src s USING bench_pick p WHERE p.del AND s.id = p.id"
          + " RETURNING s.*) INSERT INTO bench_delta SELECT -1, d.* FROM d");
      st.executeUpdate("INSERT INTO bench_delta SELECT -1, s.* FROM src s JOIN bench_pick p ON p.id = s.id"
          + " WHERE NOT p.del");
      int updated = st.executeUpdate("WITH u AS (UPDATE src s SET amount = round((random() * 1000)::numeric, 2),"
          + " dim_id = 1 + floor(random() * " + Workload.DIM_ROWS + ")::int FROM bench_pick p"
          + " WHERE NOT p.del AND s.id = p.id RETURNING s.*) INSERT INTO bench_delta SELECT 1, u.* FROM u");
      int inserted = st.executeUpdate("WITH i AS (INSERT INTO src SELECT g, g % 10, g % 1000,"
          + " 1 + floor(random() * " + Workload.DIM_ROWS + ")::int, round((random() * 1000)::numeric, 2), md5(g::text)"
          + " FROM generate_series(" + nextId + ", " + (nextId + inserts - 1) + ") g RETURNING *)"
          + " INSERT INTO bench_delta SELECT 1, i.* FROM i");
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

  /** The first id above every id in {@code src}. */
  static long firstFreeId(Connection plain) throws SQLException {
    try (Statement st = plain.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM src")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
