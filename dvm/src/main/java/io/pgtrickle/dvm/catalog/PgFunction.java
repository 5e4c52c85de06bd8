package io.pgtrickle.dvm.catalog;

import java.util.List;

/**
 * One overload of a function ({@code pg_proc}).
 *
 * @param oid {@code pg_proc.oid}
 * @param schema its namespace
 * @param name {@code proname}
 * @param argumentTypeOids {@code proargtypes} (input arguments only)
 * @param returnTypeOid {@code prorettype}
 * @param returnsSet {@code proretset}: a set-returning function
 * @param kind {@code prokind}: 'f' function, 'a' aggregate, 'w' window, 'p' procedure
 * @param volatility {@code provolatile}
 */
public record PgFunction(long oid, String schema, String name, List<Long> argumentTypeOids,
    long returnTypeOid, boolean returnsSet, char kind, Volatility volatility) {

  public PgFunction {
    argumentTypeOids = List.copyOf(argumentTypeOids);
  }

  /** True for aggregate functions. */
  public boolean isAggregate() {
    return kind == 'a';
  }
}
