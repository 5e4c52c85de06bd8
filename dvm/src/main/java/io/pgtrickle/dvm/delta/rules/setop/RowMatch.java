package io.pgtrickle.dvm.delta.rules.setop;

import java.util.ArrayList;
import java.util.List;

/**
 * Null-safe row equality in a form the planner can use indexes for. {@code IS NOT DISTINCT FROM} is
 * not an indexable operator in PostgreSQL, so a nullable column is matched with
 * {@code (l = r OR (l IS NULL AND r IS NULL))} (a BitmapOr of two index conditions) and a column
 * that cannot hold NULL with plain {@code l = r}. Both mean IS NOT DISTINCT FROM: GROUP BY, DISTINCT
 * and the set operations put NULLs together.
 */
public final class RowMatch {
  private RowMatch() {}

  /**
   * The condition that {@code probed} and {@code given} are the same row.
   *
   * @param probed column references of the relation being probed (the one whose index should serve)
   * @param given column references of the row looked for
   * @param nullable per column: whether the probed column may hold NULL
   */
  public static String condition(List<String> probed, List<String> given, List<Boolean> nullable) {
    if (probed.size() != given.size() || probed.size() != nullable.size()) {
      throw new IllegalArgumentException("column counts differ: " + probed + " / " + given + " / " + nullable);
    }
    if (probed.isEmpty()) {
      return "TRUE";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < probed.size(); i++) {
      String l = probed.get(i);
      String r = given.get(i);
      parts.add(nullable.get(i) ? "(" + l + " = " + r + " OR (" + l + " IS NULL AND " + r + " IS NULL))"
          : l + " = " + r);
    }
    return String.join(" AND ", parts);
  }

  /** {@code alias.column} for each column. */
  public static List<String> qualify(String alias, List<String> columns) {
    return columns.stream().map(c -> alias + "." + c).toList();
  }

  /** Positional internal names {@code prefix0, prefix1, …}. */
  public static List<String> positional(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }
}
