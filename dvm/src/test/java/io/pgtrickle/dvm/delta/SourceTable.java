package io.pgtrickle.dvm.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * A source table of an oracle test: its columns with random-value generators (small domains, so
 * rows repeat and join keys collide) and an optional integer primary key, given fresh values.
 *
 * @param name the table name (in schema public)
 * @param columns the non-key columns
 * @param key the name of an integer primary key column, if any (it comes first)
 */
public record SourceTable(String name, List<ColumnSpec> columns, Optional<String> key) {
  public SourceTable {
    columns = List.copyOf(columns);
  }

  /**
   * One column.
   *
   * @param name its name
   * @param type its PostgreSQL type
   * @param value a random SQL literal for it (may be {@code NULL})
   */
  public record ColumnSpec(String name, String type, Function<Random, String> value) {}

  /** A keyless table (a bag: duplicates are likely). */
  public static SourceTable bag(String name, ColumnSpec... columns) {
    return new SourceTable(name, List.of(columns), Optional.empty());
  }

  /** A table with integer primary key {@code key}. */
  public static SourceTable keyed(String name, String key, ColumnSpec... columns) {
    return new SourceTable(name, List.of(columns), Optional.of(key));
  }

  /** An integer column with values 0..max−1, NULL with probability {@code nullRate}. */
  public static ColumnSpec ints(String name, int max, double nullRate) {
    return new ColumnSpec(name, "integer", r -> r.nextDouble() < nullRate ? "NULL" : Integer.toString(r.nextInt(max)));
  }

  /** A text column drawn from {@code values}, NULL with probability {@code nullRate}. */
  public static ColumnSpec texts(String name, double nullRate, String... values) {
    return new ColumnSpec(name, "text", r -> r.nextDouble() < nullRate ? "NULL"
        : "'" + values[r.nextInt(values.length)].replace("'", "''") + "'");
  }

  /** A numeric(8,2) column with values 0.00..max, NULL with probability {@code nullRate}. */
  public static ColumnSpec numerics(String name, int max, double nullRate) {
    return new ColumnSpec(name, "numeric(8,2)", r -> r.nextDouble() < nullRate ? "NULL"
        : (r.nextInt(max * 4) / 4.0) + "");
  }

  /** All column names, key first. */
  List<String> columnNames() {
    List<String> all = new ArrayList<>();
    key.ifPresent(all::add);
    columns.forEach(c -> all.add(c.name()));
    return all;
  }
}
