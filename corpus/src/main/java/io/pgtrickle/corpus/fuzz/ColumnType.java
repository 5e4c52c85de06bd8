package io.pgtrickle.corpus.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The column types the fuzzer uses, each with a small skewed domain so that joins, groups and DISTINCT
 * collide. Every table names its columns after their type ({@code k int}, {@code n numeric}, {@code s text},
 * {@code d date}, {@code b boolean}), so columns of one name are comparable across tables.
 */
enum ColumnType {
  INT("k", "int", List.of("0", "1", "1", "1", "2", "3")),
  NUMERIC("n", "numeric(6,2)", List.of("0", "1.5", "1.5", "2", "-1", "10.25")),
  TEXT("s", "text", List.of("'a'", "'a'", "'b'", "'c'", "''", "'B'")),
  DATE("d", "date", List.of("DATE '2024-01-01'", "DATE '2024-01-01'", "DATE '2024-01-02'", "DATE '2024-02-29'")),
  BOOL("b", "boolean", List.of("true", "true", "false"));

  final String column;
  final String sqlType;
  private final List<String> literals;

  ColumnType(String column, String sqlType, List<String> literals) {
    this.column = column;
    this.sqlType = sqlType;
    this.literals = literals;
  }

  /** A literal from the (skewed) domain. */
  String literal(Random random) {
    return literals.get(random.nextInt(literals.size()));
  }

  /** A literal, or NULL with probability 1/5 when {@code nullable}. */
  String value(Random random, boolean nullable) {
    return nullable && random.nextInt(5) == 0 ? "NULL" : literal(random);
  }

  boolean orderable() {
    return this != BOOL;
  }

  boolean summable() {
    return this == INT || this == NUMERIC;
  }
}
