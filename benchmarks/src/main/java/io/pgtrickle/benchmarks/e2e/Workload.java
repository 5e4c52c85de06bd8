package io.pgtrickle.benchmarks.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the base data of one size: {@code src} with {@code rows} rows, {@code dim}, {@code bench_delta}. */
final class Workload {
  static final int DIM_ROWS = 100;
  static final int REGIONS = 10;
  static final int THRESHOLD = 500;

  private Workload() {}

  /** Drops and recreates the tables; {@code src} ids are 1..rows; deterministic (setseed). */
  static void create(Connection plain, int rows) throws SQLException {
    try (Statement st = plain.createStatement()) {
      st.execute("DROP TABLE IF EXISTS src, dim, bench_delta CASCADE");
      st.execute("SELECT setseed(0.42)");
      st.execute("CREATE TABLE dim (id int PRIMARY KEY, name text NOT NULL, region text NOT NULL)");
      st.execute("INSERT INTO dim SELECT i, 'dim ' || i, 'region ' || (i % " + REGIONS + ")"
          + " FROM generate_series(1, " + DIM_ROWS + ") i");
      st.execute("CREATE TABLE src (id bigint PRIMARY KEY, g10 int NOT NULL, g1000 int NOT NULL,"
          + " dim_id int NOT NULL, amount numeric(12,2) NOT NULL, note text NOT NULL)");
      st.execute("INSERT INTO src SELECT i, i % 10, i % 1000, 1 + (i % " + DIM_ROWS + "),"
          + " round((random() * 1000)::numeric, 2), md5(i::text) FROM generate_series(1, " + rows + ") i");
      st.execute("CREATE UNLOGGED TABLE bench_delta (w int NOT NULL, id bigint NOT NULL, g10 int, g1000 int,"
          + " dim_id int, amount numeric(12,2), note text)");
      st.execute("VACUUM ANALYZE src");
      st.execute("ANALYZE dim");
    }
  }
}
