package io.pgtrickle.benchmarks.jmh;

import io.pgtrickle.dvm.analysis.SchemaFingerprint;
import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import io.pgtrickle.dvm.catalog.PgBuiltinTypes;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.dvm.catalog.PgType;
import io.pgtrickle.dvm.catalog.Volatility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A TPC-H-like schema described in memory, so analysis and delta emission run without a database. */
public final class TpchCatalog {
  private static final List<String> TABLES =
      List.of("region", "nation", "supplier", "customer", "orders", "lineitem");

  private TpchCatalog() {}

  /** region, nation, supplier, customer, orders, lineitem with their TPC-H columns and primary keys. */
  public static InMemoryCatalog build() {
    PgType i4 = PgBuiltinTypes.INT4;
    PgType i8 = PgBuiltinTypes.INT8;
    PgType txt = PgBuiltinTypes.TEXT;
    PgType num = PgBuiltinTypes.NUMERIC;
    PgType date = PgBuiltinTypes.DATE;
    int money = ((15 << 16) | 2) + 4;
    InMemoryCatalog.Builder b = InMemoryCatalog.builder();
    b.table("public", "region").column("r_regionkey", i4).column("r_name", txt).column("r_comment", txt)
        .primaryKey("r_regionkey").add();
    b.table("public", "nation").column("n_nationkey", i4).column("n_name", txt).column("n_regionkey", i4)
        .column("n_comment", txt).primaryKey("n_nationkey").add();
    b.table("public", "supplier").column("s_suppkey", i8).column("s_name", txt).column("s_address", txt)
        .column("s_nationkey", i4).column("s_phone", txt).column("s_acctbal", num, money, false)
        .column("s_comment", txt).primaryKey("s_suppkey").add();
    b.table("public", "customer").column("c_custkey", i8).column("c_name", txt).column("c_address", txt)
        .column("c_nationkey", i4).column("c_phone", txt).column("c_acctbal", num, money, false)
        .column("c_mktsegment", txt).column("c_comment", txt).primaryKey("c_custkey").add();
    b.table("public", "orders").column("o_orderkey", i8).column("o_custkey", i8).column("o_orderstatus", txt)
        .column("o_totalprice", num, money, false).column("o_orderdate", date).column("o_orderpriority", txt)
        .column("o_clerk", txt).column("o_shippriority", i4).column("o_comment", txt)
        .primaryKey("o_orderkey").add();
    b.table("public", "lineitem").column("l_orderkey", i8).column("l_partkey", i8).column("l_suppkey", i8)
        .column("l_linenumber", i4).column("l_quantity", num, money, false)
        .column("l_extendedprice", num, money, false).column("l_discount", num, money, false)
        .column("l_tax", num, money, false).column("l_returnflag", txt).column("l_linestatus", txt)
        .column("l_shipdate", date).column("l_commitdate", date).column("l_receiptdate", date)
        .column("l_shipmode", txt).column("l_comment", txt).primaryKey("l_orderkey", "l_linenumber").add();
    b.function("upper", Volatility.IMMUTABLE, txt, txt);
    return b.build();
  }

  /** The fingerprint the analysis cache is keyed by, over every table of {@code catalog}. */
  public static String fingerprint(InMemoryCatalog catalog) {
    List<PgRelation> relations = new ArrayList<>();
    for (String t : TABLES) {
      relations.add(catalog.relation(Optional.of("public"), t).orElseThrow());
    }
    return SchemaFingerprint.of(relations, catalog.searchPath());
  }
}
