package io.pgtrickle.cdc.trigger;

/** SQL string literals for generated DDL. */
final class SqlLiterals {

  private SqlLiterals() {}

  /** {@code value} as a standard-conforming string literal: {@code it's} becomes {@code 'it''s'}. */
  static String string(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in SQL literal");
    }
    return "'" + value.replace("'", "''") + "'";
  }
}
