package io.pgtrickle.dvm;

import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import io.pgtrickle.dvm.catalog.PgBuiltinTypes;
import io.pgtrickle.dvm.catalog.PgFunction;
import io.pgtrickle.dvm.catalog.PgType;
import io.pgtrickle.dvm.catalog.Volatility;
import java.util.List;

/** A small shop schema for analysis tests, without a database. */
public final class TestCatalogs {
  private TestCatalogs() {}

  /** orders, customers, items (vector/jsonb/text[]), app."UserAccounts", and a few functions. */
  public static InMemoryCatalog shop() {
    InMemoryCatalog.Builder b = InMemoryCatalog.builder();
    PgType vector = b.baseType("public", "vector");
    b.table("public", "orders")
        .column("id", PgBuiltinTypes.INT4)
        .column("customer_id", PgBuiltinTypes.INT4)
        .column("amount", PgBuiltinTypes.NUMERIC, ((12 << 16) | 2) + 4, false)
        .column("status", PgBuiltinTypes.TEXT)
        .column("created", PgBuiltinTypes.DATE)
        .column("ts", PgBuiltinTypes.TIMESTAMPTZ)
        .column("note", PgBuiltinTypes.VARCHAR, 24, false)
        .column("qty", PgBuiltinTypes.INT8)
        .primaryKey("id").add()
        .table("public", "customers")
        .column("id", PgBuiltinTypes.INT4)
        .column("name", PgBuiltinTypes.TEXT)
        .column("region", PgBuiltinTypes.TEXT)
        .primaryKey("id").add()
        .table("public", "items")
        .column("id", PgBuiltinTypes.INT8)
        .column("embedding", vector, 3 , false)
        .column("attrs", PgBuiltinTypes.JSONB)
        .column("tags", PgBuiltinTypes.TEXT_ARRAY)
        .primaryKey("id").add()
        .table("app", "UserAccounts")
        .column("id", PgBuiltinTypes.INT4)
        .column("Email", PgBuiltinTypes.TEXT)
        .add()
        .function("my_volatile", Volatility.VOLATILE, PgBuiltinTypes.INT4, PgBuiltinTypes.INT4)
        .function("my_func", Volatility.IMMUTABLE, PgBuiltinTypes.INT4, PgBuiltinTypes.INT4)
        .function("nextval", Volatility.VOLATILE, PgBuiltinTypes.INT8, PgBuiltinTypes.TEXT)
        .function("random", Volatility.VOLATILE, PgBuiltinTypes.FLOAT8)
        .function("now", Volatility.STABLE, PgBuiltinTypes.TIMESTAMPTZ)
        .function("upper", Volatility.IMMUTABLE, PgBuiltinTypes.TEXT, PgBuiltinTypes.TEXT)
        .function(new PgFunction(9001, "pg_catalog", "generate_series",
            List.of(PgBuiltinTypes.INT4.oid(), PgBuiltinTypes.INT4.oid()), PgBuiltinTypes.INT4.oid(),
            true, 'f', Volatility.IMMUTABLE));
    return b.build();
  }
}
