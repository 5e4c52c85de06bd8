package io.pgtrickle.corpus.tpch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One TPC-H mutation cycle: RF1 (new orders with their line items), RF2 (orders deleted with their line
 * items), and updates of prices, quantities, dates, statuses and customer, supplier, part and partsupp
 * attributes — including the join keys {@code c_nationkey} and {@code s_nationkey}. Seeded: the same
 * seed, cycle number and database give the same statements.
 */
public final class TpchRefreshCycle {

  private final TpchScale scale;
  private final long seed;
  private final OrderFactory factory;

  public TpchRefreshCycle(TpchScale scale, long seed) {
    this.scale = scale;
    this.seed = seed;
    this.factory = new OrderFactory(scale);
  }

  /** The statements of cycle {@code cycle}; RF1's keys continue above the highest existing order key. */
  public List<String> statements(Connection c, int cycle) throws SQLException {
    Random random = new Random(seed * 1_000_003L + cycle);
    List<String> sql = new ArrayList<>();
    int n = scale.refreshOrders();
    int next = maxOrderKey(c) + 1;
    StringBuilder orders = new StringBuilder();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < n; i++) {
      OrderFactory.Order order = factory.order(random, next + i);
      orders.append(i == 0 ? "" : ", ").append(SqlLiterals.row(order.row()));
      for (List<Object> line : order.lineItems()) {
        lines.append(lines.length() == 0 ? "" : ", ").append(SqlLiterals.row(line));
      }
    }
    sql.add("INSERT INTO orders VALUES " + orders);
    sql.add("INSERT INTO lineitem VALUES " + lines);
    String victims = "SELECT o_orderkey FROM orders WHERE o_orderkey < " + next
        + " ORDER BY md5(o_orderkey::text || ':" + random.nextLong() + "') LIMIT " + n;
    sql.add("CREATE TEMP TABLE rf2_keys ON COMMIT DROP AS " + victims);
    sql.add("DELETE FROM lineitem WHERE l_orderkey IN (SELECT o_orderkey FROM rf2_keys)");
    sql.add("DELETE FROM orders WHERE o_orderkey IN (SELECT o_orderkey FROM rf2_keys)");
    String line = "(l_orderkey * 7 + l_linenumber) % 211 = " + random.nextInt(211);
    sql.add("UPDATE lineitem SET l_extendedprice = round(l_extendedprice * 1.07, 2),"
        + " l_discount = (l_discount * 100 + 3)::int % 11 / 100.0 WHERE " + line);
    sql.add("UPDATE lineitem SET l_quantity = 1 + (l_quantity::int + 17) % 50, l_tax = (l_tax * 100 + 1)::int % 9"
        + " / 100.0 WHERE (l_orderkey + l_linenumber * 3) % 199 = " + random.nextInt(199));
    sql.add("UPDATE lineitem SET l_shipdate = l_shipdate + 45, l_receiptdate = l_receiptdate + 50,"
        + " l_commitdate = l_commitdate - 10 WHERE (l_orderkey * 3 + l_linenumber) % 197 = " + random.nextInt(197));
    sql.add("UPDATE lineitem SET l_returnflag = CASE l_returnflag WHEN 'R' THEN 'A' WHEN 'A' THEN 'N' ELSE 'R' END,"
        + " l_linestatus = CASE l_linestatus WHEN 'F' THEN 'O' ELSE 'F' END,"
        + " l_shipmode = CASE l_shipmode WHEN 'MAIL' THEN 'SHIP' WHEN 'SHIP' THEN 'AIR' ELSE 'MAIL' END"
        + " WHERE (l_orderkey + l_linenumber * 5) % 193 = " + random.nextInt(193));
    String order = "o_orderkey % 101 = " + random.nextInt(101);
    sql.add("UPDATE orders SET o_orderdate = o_orderdate - 40,"
        + " o_orderstatus = CASE o_orderstatus WHEN 'F' THEN 'O' WHEN 'O' THEN 'P' ELSE 'F' END,"
        + " o_orderpriority = CASE WHEN o_orderpriority LIKE '1%' THEN '3-MEDIUM' ELSE '1-URGENT' END,"
        + " o_totalprice = o_totalprice + 10, o_comment = left('special requests ' || o_comment, 79) WHERE " + order);
    sql.add("UPDATE customer SET c_acctbal = c_acctbal + " + (random.nextInt(2000) - 1000) + ","
        + " c_nationkey = (c_nationkey + 3) % 25,"
        + " c_mktsegment = CASE c_mktsegment WHEN 'BUILDING' THEN 'MACHINERY' ELSE 'BUILDING' END,"
        + " c_phone = lpad(((c_nationkey + 3) % 25 + 10)::text, 2, '0') || substr(c_phone, 3)"
        + " WHERE c_custkey % 41 = " + random.nextInt(41));
    sql.add("UPDATE supplier SET s_acctbal = s_acctbal - 250, s_nationkey = (s_nationkey + 5) % 25,"
        + " s_comment = CASE WHEN s_comment LIKE '%Complaints%' THEN 'fixed' ELSE 'Customer loud Complaints' END"
        + " WHERE s_suppkey % 37 = " + random.nextInt(37));
    sql.add("UPDATE part SET p_retailprice = p_retailprice + 1,"
        + " p_container = CASE WHEN p_container = 'MED BOX' THEN 'SM CASE' ELSE 'MED BOX' END,"
        + " p_brand = CASE WHEN p_brand = 'Brand#23' THEN 'Brand#12' ELSE 'Brand#23' END"
        + " WHERE p_partkey % 53 = " + random.nextInt(53));
    sql.add("UPDATE partsupp SET ps_supplycost = ps_supplycost * 0.9 + 1, ps_availqty = ps_availqty / 2"
        + " WHERE (ps_partkey + ps_suppkey) % 61 = " + random.nextInt(61));
    return sql;
  }

  /** Runs the cycle's statements in one transaction. */
  public void run(Connection c, int cycle) throws SQLException {
    List<String> sql = statements(c, cycle);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static int maxOrderKey(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(o_orderkey) FROM orders")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
