package io.pgtrickle.spi.dvm;

import java.util.function.IntFunction;

/**
 * A scalar expression of the analysed query, printable as PostgreSQL SQL over whatever relation a
 * delta rule puts in its input's place.
 */
public interface SqlExpression {
  /**
   * The expression as PostgreSQL SQL. {@code inputColumn} gives, for an input field index (for a
   * join: left fields first, then right), the SQL that references it, e.g. {@code i -> "d.c" + i}.
   * The result is parenthesised where needed so it can be embedded anywhere.
   */
  String toSql(IntFunction<String> inputColumn);

  /** The PostgreSQL type name of the result, usable in a cast ({@code numeric}, {@code vector}, …). */
  String pgTypeName();
}
