package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * O(Δ), end to end: a differential refresh after a one-row change touches about as many buffers when
 * the source holds 1,000,000 rows as when it holds 10,000. Measured by PostgreSQL itself, not by a
 * clock: the block counters of {@code pg_statio_all_tables} (heap, index and TOAST blocks, hit or
 * read) of every table in the sources' schema and in {@code pgtrickle_changes}, before and after one
 * {@code REFRESH MATERIALIZED VIEW} on a connection that flushes its statistics
 * ({@code pg_stat_force_next_flush()}, PostgreSQL 15) before it reports each statement done.
 *
 * <p>Each refresh is also checked against its query (both ways {@code EXCEPT ALL}, exact for these
 * integer and text columns). The whole refresh is counted (change buffer, window, delta, apply on the stream table), for a
 * filter over the large table and for its join with a small dimension. A plan that scanned the
 * source would read thousands of blocks at 1M rows.
 */
@PgTest
class RefreshCostIsIndependentOfSourceSizeTest {

  private static final int SMALL = 10_000;
  private static final int LARGE = 1_000_000;

  /** The stream tables measured, by name suffix, with their defining queries over src_N and dim_N. */
  private static Map<String, String> queries(String n) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("filter_" + n, "SELECT id, k, v FROM src_" + n + " WHERE k < 500");
    q.put("join_" + n, "SELECT s.id, s.k, d.name FROM src_" + n + " s JOIN dim_" + n
        + " d ON d.id = s.dim_id");
    return q;
  }

  @Test
  void aOneRowChangeTouchesAsManyBlocksAt1MRowsAsAt10k(TestDatabase db) throws SQLException {
    Map<String, Long> small = measure(db, SMALL);
    Map<String, Long> large = measure(db, LARGE);
    for (String kind : new String[] {"filter", "join"}) {
      long s = small.get(kind);
      long l = large.get(kind);
      System.out.printf("RefreshCostIsIndependentOfSourceSizeTest %s: %d blocks at %,d rows,"
          + " %d blocks at %,d rows%n", kind, s, SMALL, l, LARGE);
      assertTrue(s > 0, kind + ": no blocks counted; are statistics flushed?");
      assertTrue(l <= 2 * s + 40, kind + ": " + s + " blocks at 10k rows but " + l + " at 1M rows");
      assertTrue(l < 400, kind + ": " + l + " blocks for a one-row change at 1M rows");
    }
  }

  /** Blocks touched by one refresh after a one-row UPDATE, per stream table kind. */
  private static Map<String, Long> measure(TestDatabase db, int rows) throws SQLException {
    String n = Integer.toString(rows);
    Map<String, Long> blocks = new LinkedHashMap<>();
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE dim_" + n + " (id int PRIMARY KEY, name text)"
          + " WITH (autovacuum_enabled = false)");
      st.execute("INSERT INTO dim_" + n + " SELECT i, 'dim ' || i FROM generate_series(0, 49) i");
      st.execute("CREATE TABLE src_" + n + " (id int PRIMARY KEY, k int NOT NULL, dim_id int,"
          + " v text) WITH (autovacuum_enabled = false)");
      st.execute("INSERT INTO src_" + n + " SELECT i, i % 1000, i % 50, 'value ' || i"
          + " FROM generate_series(1, " + rows + ") i");
      st.execute("VACUUM ANALYZE dim_" + n);
      st.execute("VACUUM ANALYZE src_" + n);
      for (Map.Entry<String, String> q : queries(n).entrySet()) {
        st.execute("CREATE MATERIALIZED VIEW " + q.getKey() + " WITH (pgtrickle.stream = true,"
            + " pgtrickle.refresh_mode = 'differential') AS " + q.getValue());
        st.execute("VACUUM ANALYZE " + q.getKey());
      }
      for (int round = 0; round < 2; round++) { // the first round warms caches and plans
        int id = rows / 2 + round;
        st.execute("UPDATE src_" + n + " SET v = v || ' changed', k = (k + 1) % 1000 WHERE id = " + id);
        for (Map.Entry<String, String> q : queries(n).entrySet()) {
          long before = blocksTouched(st);
          st.execute("REFRESH MATERIALIZED VIEW " + q.getKey());
          long touched = blocksTouched(st) - before;
          blocks.put(q.getKey().substring(0, q.getKey().indexOf('_')), touched);
          assertEquals("0", Connections.scalar(c, "SELECT count(*) FROM ((TABLE " + q.getKey()
              + " EXCEPT ALL " + q.getValue() + ") UNION ALL (" + q.getValue() + " EXCEPT ALL TABLE "
              + q.getKey() + ")) x"), q.getKey() + " differs from its query");
        }
      }
      for (String name : queries(n).keySet()) {
        assertEquals("differential", Connections.scalar(c,
            "SELECT executed_strategy FROM pgtrickle.pgt_refresh_history h JOIN"
                + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + name
                + "' ORDER BY h.history_id DESC LIMIT 1"), name);
      }
    }
    return blocks;
  }

  /**
   * Blocks accessed so far in the sources' schema and the change buffers, after flushing this
   * backend's statistics (the flush runs before the statement's completion reaches the client).
   */
  private static long blocksTouched(Statement st) throws SQLException {
    st.execute("SELECT pg_catalog.pg_stat_force_next_flush()");
    st.execute("SELECT pg_catalog.pg_stat_clear_snapshot()");
    try (ResultSet rs = st.executeQuery(
        "SELECT COALESCE(sum(COALESCE(heap_blks_read, 0) + COALESCE(heap_blks_hit, 0)"
            + " + COALESCE(idx_blks_read, 0) + COALESCE(idx_blks_hit, 0)"
            + " + COALESCE(toast_blks_read, 0) + COALESCE(toast_blks_hit, 0)"
            + " + COALESCE(tidx_blks_read, 0) + COALESCE(tidx_blks_hit, 0)), 0)"
            + " FROM pg_catalog.pg_statio_all_tables"
            + " WHERE schemaname IN (current_schema(), 'pgtrickle_changes')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
