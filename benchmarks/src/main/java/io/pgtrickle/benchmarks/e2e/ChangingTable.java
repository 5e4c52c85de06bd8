package io.pgtrickle.benchmarks.e2e;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table the change batches write to, and how: its key (to pick rows), the table its batch is recorded
 * in for the floor ({@code w} = -1 old row, +1 new row, then the table's columns), the SET clause of its
 * updates and the query producing {@code n} new rows from {@code generate_series(lo, hi) g}.
 *
 * @param table the changing table
 * @param keys its primary key columns
 * @param deltaTable where each batch is recorded (read by the floor statements)
 * @param updateSet the SET clause of an update (columns of the target only, may use random())
 * @param insertSelect a SELECT over {@code g} (placeholder {@code %G} for the generate_series call) giving
 *     whole new rows in column order; the ids {@code g} are above every existing key
 * @param nextIdSql the first free {@code g}
 */
record ChangingTable(String table, List<String> keys, String deltaTable, String updateSet, String insertSelect,
    String nextIdSql) {

  ChangingTable {
    keys = List.copyOf(keys);
  }

  /** {@code a.k1 = b.k1 AND …} over the key. */
  String keyEquals(String a, String b) {
    return keys.stream().map(k -> a + "." + k + " = " + b + "." + k).collect(Collectors.joining(" AND "));
  }

  /** {@code k1, k2} prefixed with {@code alias.}. */
  String keyList(String alias) {
    return keys.stream().map(k -> alias + "." + k).collect(Collectors.joining(", "));
  }

  /** The temporary table holding one batch's picked keys. */
  String pickTable() {
    return "bench_pick_" + table;
  }
}
