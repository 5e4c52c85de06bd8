package io.pgtrickle.benchmarks.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the base data of one size N. Always {@code src} (N rows), {@code dim} and {@code bench_delta};
 * with TPC-H-shaped tables also {@code lineitem} (N rows, 4 per order), {@code orders} (N/4),
 * {@code customer} (N/40) and {@code bench_delta_lineitem}. Only {@code src} and {@code lineitem} change.
 * Deterministic (setseed). Dates, flags and segments follow TPC-H's shapes, not its exact distributions.
 */
final class Workload {
  static final int DIM_ROWS = 100;
  static final int REGIONS = 10;
  static final int THRESHOLD = 500;

  /** {@code src}: 70 % of its changes update amount and dim_id. */
  static final ChangingTable SRC = new ChangingTable("src", List.of("id"), "bench_delta",
      "amount = round((random() * 1000)::numeric, 2), dim_id = 1 + floor(random() * " + DIM_ROWS + ")::int",
      "SELECT g, g % 10, g % 1000, 1 + floor(random() * " + DIM_ROWS + ")::int, round((random() * 1000)::numeric, 2),"
          + " md5(g::text) FROM %G",
      "SELECT coalesce(max(id), 0) + 1 FROM src");

  private Workload() {}

  /** {@code lineitem} of a base of {@code rows}: updates change quantity, price, discount and return flag. */
  static ChangingTable lineitem(int rows) {
    return new ChangingTable("lineitem", List.of("l_orderkey", "l_linenumber"), "bench_delta_lineitem",
        "l_quantity = 1 + floor(random() * 50), l_extendedprice = round((900 + random() * 100000)::numeric, 2),"
            + " l_discount = round((random() * 0.1)::numeric, 2),"
            + " l_returnflag = (ARRAY['R', 'A', 'N'])[1 + floor(random() * 3)::int]",
        // new lines of existing orders: linenumbers above 4 are unique per g
        "SELECT o.o_orderkey, g, 1 + floor(random() * 50), round((900 + random() * 100000)::numeric, 2),"
            + " round((random() * 0.1)::numeric, 2), round((random() * 0.08)::numeric, 2),"
            + " (ARRAY['R', 'A', 'N'])[1 + floor(random() * 3)::int], 'O', o.o_orderdate + 1 + (g % 121)::int"
            + " FROM %G JOIN orders o ON o.o_orderkey = 1 + g % " + orders(rows),
        "SELECT coalesce(max(l_linenumber), 0) + 1 FROM lineitem");
  }

  static int orders(int lineitems) {
    return Math.max(1, lineitems / 4);
  }

  static int customers(int lineitems) {
    return Math.max(1, lineitems / 40);
  }

  /** Drops and recreates the tables; {@code src} ids are 1..rows; with {@code tpch} also the TPC-H-shaped ones. */
  static void create(Connection plain, int rows, boolean tpch) throws SQLException {
    try (Statement st = plain.createStatement()) {
      st.execute("DROP TABLE IF EXISTS src, dim, bench_delta, lineitem, orders, customer, bench_delta_lineitem CASCADE");
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
      if (tpch) {
        createTpch(st, rows);
      }
    }
  }

  private static void createTpch(Statement st, int rows) throws SQLException {
    int orders = orders(rows);
    int customers = customers(rows);
    st.execute("CREATE TABLE customer (c_custkey bigint PRIMARY KEY, c_name text NOT NULL,"
        + " c_nationkey int NOT NULL, c_mktsegment text NOT NULL)");
    st.execute("INSERT INTO customer SELECT c, 'Customer#' || lpad(c::text, 9, '0'), c % 25,"
        + " (ARRAY['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'HOUSEHOLD', 'MACHINERY'])[1 + c % 5]"
        + " FROM generate_series(1::bigint, " + customers + ") c");
    st.execute("CREATE TABLE orders (o_orderkey bigint PRIMARY KEY, o_custkey bigint NOT NULL,"
        + " o_orderdate date NOT NULL, o_shippriority int NOT NULL)");
    st.execute("INSERT INTO orders SELECT o, 1 + (o * 7919) % " + customers + ","
        + " DATE '1992-01-01' + ((o * 104729) % 2406)::int, 0 FROM generate_series(1::bigint, " + orders + ") o");
    st.execute("CREATE TABLE lineitem (l_orderkey bigint NOT NULL, l_linenumber int NOT NULL,"
        + " l_quantity numeric(12,2) NOT NULL, l_extendedprice numeric(12,2) NOT NULL,"
        + " l_discount numeric(12,2) NOT NULL, l_tax numeric(12,2) NOT NULL, l_returnflag text NOT NULL,"
        + " l_linestatus text NOT NULL, l_shipdate date NOT NULL, PRIMARY KEY (l_orderkey, l_linenumber))");
    // 4 lines per order; ship 1..121 days after the order; F(inished) before mid-1995, else O(pen)
    st.execute("INSERT INTO lineitem SELECT o.o_orderkey, n, 1 + floor(random() * 50),"
        + " round((900 + random() * 100000)::numeric, 2), round((random() * 0.1)::numeric, 2),"
        + " round((random() * 0.08)::numeric, 2), CASE WHEN s.d <= DATE '1995-06-17'"
        + " THEN (ARRAY['R', 'A'])[1 + floor(random() * 2)::int] ELSE 'N' END,"
        + " CASE WHEN s.d <= DATE '1995-06-17' THEN 'F' ELSE 'O' END, s.d"
        + " FROM orders o CROSS JOIN generate_series(1, 4) n"
        + " CROSS JOIN LATERAL (SELECT o.o_orderdate + 1 + ((o.o_orderkey * 31 + n * 17) % 121)::int AS d) s"
        + " WHERE (o.o_orderkey - 1) * 4 + n <= " + rows);
    st.execute("CREATE UNLOGGED TABLE bench_delta_lineitem (w int NOT NULL, l_orderkey bigint NOT NULL,"
        + " l_linenumber int NOT NULL, l_quantity numeric(12,2), l_extendedprice numeric(12,2),"
        + " l_discount numeric(12,2), l_tax numeric(12,2), l_returnflag text, l_linestatus text, l_shipdate date)");
    st.execute("VACUUM ANALYZE customer");
    st.execute("VACUUM ANALYZE orders");
    st.execute("VACUUM ANALYZE lineitem");
  }
}
