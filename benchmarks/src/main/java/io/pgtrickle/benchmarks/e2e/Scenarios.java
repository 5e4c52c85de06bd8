package io.pgtrickle.benchmarks.e2e;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The scenarios of the matrix. {@code src(id, g10, g1000, dim_id, amount, note)} is the changing table of
 * the first six; {@code dim(id, name, region)} is a small dimension (100 rows, 10 regions) that does not
 * change. The TPC-H-shaped two read {@code lineitem} (changing), {@code orders} and {@code customer}
 * (see {@link Workload}). {@code bench_delta} and {@code bench_delta_lineitem} hold the batch's changes
 * (w = -1 an old row, +1 a new row), written by {@link ChangeApplier}: what the floor statements read.
 */
public final class Scenarios {
  private static final String DELETE_BY_ID =
      "DELETE FROM %F f USING (SELECT DISTINCT id FROM bench_delta WHERE w < 0) d WHERE f.id = d.id";
  private static final String Q1_FILTER = "l_shipdate <= DATE '1998-09-02'";
  private static final String Q3_FILTER = "c.c_mktsegment = 'BUILDING' AND o.o_orderdate < DATE '1995-03-15'"
      + " AND l.l_shipdate > DATE '1995-03-15'";

  private static final List<Scenario> ALL = List.of(
      new Scenario("scan", "src", "SELECT id, g10, dim_id, amount, note FROM src", "id", List.of(DELETE_BY_ID,
          "INSERT INTO %F SELECT id, g10, dim_id, amount, note FROM bench_delta WHERE w > 0")),
      new Scenario("filter", "src", "SELECT id, dim_id, amount FROM src WHERE amount > 500", "id",
          List.of(DELETE_BY_ID, "INSERT INTO %F SELECT id, dim_id, amount FROM bench_delta WHERE w > 0 AND amount > 500")),
      aggregate("agg_10", "g10"),
      aggregate("agg_1000", "g1000"),
      new Scenario("join", "src", "SELECT s.id, s.amount, d.name FROM src s JOIN dim d ON d.id = s.dim_id", "id",
          List.of(DELETE_BY_ID, "INSERT INTO %F SELECT b.id, b.amount, d.name FROM bench_delta b"
              + " JOIN dim d ON d.id = b.dim_id WHERE b.w > 0")),
      new Scenario("join_agg", "src", "SELECT d.region, count(*) AS cnt, sum(s.amount) AS total FROM src s"
          + " JOIN dim d ON d.id = s.dim_id GROUP BY d.region", "region", groupedFloor(List.of("region"),
              List.of("cnt", "total"), "SELECT d.region, sum(b.w) AS d0, sum(b.w * b.amount) AS d1 FROM bench_delta b"
                  + " JOIN dim d ON d.id = b.dim_id GROUP BY d.region")),
      // TPC-H Q1-like: the pricing summary over lineitem (about 4 groups), without the averages
      new Scenario("tpch_q1", "lineitem", "SELECT l_returnflag, l_linestatus, count(*) AS cnt,"
          + " sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,"
          + " sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price FROM lineitem WHERE " + Q1_FILTER
          + " GROUP BY l_returnflag, l_linestatus", "l_returnflag, l_linestatus",
          groupedFloor(List.of("l_returnflag", "l_linestatus"), List.of("cnt", "sum_qty", "sum_base_price",
              "sum_disc_price"), "SELECT l_returnflag, l_linestatus, sum(w) AS d0, sum(w * l_quantity) AS d1,"
                  + " sum(w * l_extendedprice) AS d2, sum(w * l_extendedprice * (1 - l_discount)) AS d3"
                  + " FROM bench_delta_lineitem WHERE " + Q1_FILTER + " GROUP BY l_returnflag, l_linestatus")),
      // TPC-H Q3-like: customer ⋈ orders ⋈ lineitem, filtered, revenue per order (count(*) added for the floor)
      new Scenario("tpch_q3", "lineitem", "SELECT l.l_orderkey, o.o_orderdate, o.o_shippriority, count(*) AS cnt,"
          + " sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue FROM customer c"
          + " JOIN orders o ON o.o_custkey = c.c_custkey JOIN lineitem l ON l.l_orderkey = o.o_orderkey WHERE "
          + Q3_FILTER + " GROUP BY l.l_orderkey, o.o_orderdate, o.o_shippriority", "l_orderkey",
          groupedFloor(List.of("l_orderkey", "o_orderdate", "o_shippriority"), List.of("cnt", "revenue"),
              "SELECT l.l_orderkey, o.o_orderdate, o.o_shippriority, sum(l.w) AS d0,"
                  + " sum(l.w * l.l_extendedprice * (1 - l.l_discount)) AS d1 FROM bench_delta_lineitem l"
                  + " JOIN orders o ON o.o_orderkey = l.l_orderkey JOIN customer c ON c.c_custkey = o.o_custkey"
                  + " WHERE " + Q3_FILTER + " GROUP BY l.l_orderkey, o.o_orderdate, o.o_shippriority")));

  private Scenarios() {}

  /** Every scenario, in report order. */
  public static List<Scenario> all() {
    return ALL;
  }

  /** Every scenario name. */
  public static List<String> names() {
    return ALL.stream().map(Scenario::name).toList();
  }

  /** The scenario called {@code name}. */
  public static Optional<Scenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static Scenario aggregate(String name, String group) {
    return new Scenario(name, "src", "SELECT " + group + ", count(*) AS cnt, sum(amount) AS total FROM src GROUP BY "
        + group, group, groupedFloor(List.of(group), List.of("cnt", "total"), "SELECT " + group
            + ", sum(w) AS d0, sum(w * amount) AS d1 FROM bench_delta GROUP BY " + group));
  }

  /**
   * Update the touched groups in place, insert new groups, delete emptied ones. {@code groupedDelta} yields
   * the group key columns (named as in the table) and {@code d0, d1, …}, the changes of {@code counters}
   * (the first is the group's row count). The first statement returns (groups updated, groups inserted); an
   * updated group counts as one row deleted and one inserted, as in a stream table.
   */
  private static List<String> groupedFloor(List<String> keys, List<String> counters, String groupedDelta) {
    String keyMatch = keys.stream().map(k -> "f." + k + " = g." + k).collect(Collectors.joining(" AND "));
    String set = IntStream.range(0, counters.size()).mapToObj(i -> counters.get(i) + " = f." + counters.get(i)
        + " + g.d" + i).collect(Collectors.joining(", "));
    String values = keys.stream().map(k -> "g." + k).collect(Collectors.joining(", ")) + ", "
        + IntStream.range(0, counters.size()).mapToObj(i -> "g.d" + i).collect(Collectors.joining(", "));
    return List.of(
        "WITH g AS (" + groupedDelta + "), u AS (UPDATE %F f SET " + set + " FROM g WHERE " + keyMatch
            + " RETURNING " + keys.stream().map(k -> "f." + k).collect(Collectors.joining(", ")) + "),"
            + " i AS (INSERT INTO %F SELECT " + values + " FROM g WHERE g.d0 > 0 AND NOT EXISTS (SELECT 1 FROM u f"
            + " WHERE " + keyMatch + ") RETURNING 1) SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM i)",
        "DELETE FROM %F WHERE " + counters.get(0) + " <= 0");
  }
}
