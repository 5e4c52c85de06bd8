package io.pgtrickle.corpus.tpch;

import java.util.List;
import java.util.stream.Collectors;

/** Writes generated values as SQL literals (numbers as they are, text and dates quoted). */
final class SqlLiterals {

  private SqlLiterals() {}

  static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  static String row(List<Object> values) {
    return values.stream().map(SqlLiterals::literal).collect(Collectors.joining(", ", "(", ")"));
  }
}
