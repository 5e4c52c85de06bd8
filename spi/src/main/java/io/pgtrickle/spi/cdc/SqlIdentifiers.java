package io.pgtrickle.spi.cdc;

import java.util.Objects;

/** Quoting of SQL identifiers: every name this SPI renders is double-quoted, never left bare. */
public final class SqlIdentifiers {

  private SqlIdentifiers() {}

  /** {@code name} as a double-quoted identifier ({@code a"b} becomes {@code "a""b"}). */
  public static String quote(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a valid SQL identifier: '" + name + "'");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."name"}. */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }
}
