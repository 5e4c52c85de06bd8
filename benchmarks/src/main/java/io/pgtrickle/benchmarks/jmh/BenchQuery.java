package io.pgtrickle.benchmarks.jmh;

/** The queries the micro-benchmarks analyse and differentiate, one per operator kind plus TPC-H Q3/Q5-like. */
public enum BenchQuery {
  SCAN("SELECT l_orderkey, l_linenumber, l_quantity, l_extendedprice FROM lineitem"),
  FILTER("SELECT l_orderkey, l_linenumber, l_quantity FROM lineitem WHERE l_quantity > 30 AND l_shipmode <> 'AIR'"),
  AGGREGATE("SELECT l_returnflag, l_linestatus, count(*) AS cnt, sum(l_quantity) AS qty,"
      + " sum(l_extendedprice * (1 - l_discount)) AS revenue FROM lineitem GROUP BY l_returnflag, l_linestatus"),
  JOIN("SELECT o.o_orderkey, o.o_totalprice, c.c_name FROM orders o JOIN customer c ON c.c_custkey = o.o_custkey"),
  JOIN3("SELECT c.c_name, o.o_orderkey, l.l_linenumber, l.l_quantity FROM customer c"
      + " JOIN orders o ON o.o_custkey = c.c_custkey JOIN lineitem l ON l.l_orderkey = o.o_orderkey"),
  Q3("SELECT l.l_orderkey, sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue, o.o_orderdate,"
      + " o.o_shippriority FROM customer c, orders o, lineitem l WHERE c.c_mktsegment = 'BUILDING'"
      + " AND c.c_custkey = o.o_custkey AND l.l_orderkey = o.o_orderkey AND o.o_orderdate < DATE '1995-03-15'"
      + " AND l.l_shipdate > DATE '1995-03-15' GROUP BY l.l_orderkey, o.o_orderdate, o.o_shippriority"),
  Q5("SELECT n.n_name, sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue FROM customer c, orders o,"
      + " lineitem l, supplier s, nation n, region r WHERE c.c_custkey = o.o_custkey"
      + " AND l.l_orderkey = o.o_orderkey AND l.l_suppkey = s.s_suppkey AND c.c_nationkey = s.s_nationkey"
      + " AND s.s_nationkey = n.n_nationkey AND n.n_regionkey = r.r_regionkey AND r.r_name = 'ASIA'"
      + " AND o.o_orderdate >= DATE '1994-01-01' AND o.o_orderdate < DATE '1995-01-01' GROUP BY n.n_name");

  private final String sql;

  BenchQuery(String sql) {
    this.sql = sql;
  }

  /** The query text. */
  public String sql() {
    return sql;
  }
}
