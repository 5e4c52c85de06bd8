package io.pgtrickle.dvm.delta.sql;

import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.spi.dvm.DeltaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Small helpers for writing delta SQL: quoting, positional column names, select lists. */
public final class Sql {
  /** The weight column, as written in SQL (it needs no quotes). */
  public static final String W = DeltaContext.WEIGHT_COLUMN;

  private Sql() {}

  /** {@code identifier} double-quoted. */
  public static String quote(String identifier) {
    return PgIdentifiers.quote(identifier);
  }

  /** {@code "c0", "c1", …}: the column names of intermediate relations. */
  public static List<String> positional(int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add("\"c" + i + "\"");
    }
    return out;
  }

  /** {@code alias.from0 AS to0, alias.from1 AS to1, …}. */
  public static String renamed(String alias, List<String> from, List<String> to) {
    if (from.size() != to.size()) {
      throw new IllegalArgumentException("column counts differ: " + from + " / " + to);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < from.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(alias).append('.').append(from.get(i)).append(" AS ").append(to.get(i));
    }
    return sb.toString();
  }

  /** {@code alias.c0, alias.c1, …}. */
  public static String columns(String alias, List<String> columns) {
    return String.join(", ", columns.stream().map(c -> alias + "." + c).toList());
  }

  /** Field references of a two-input expression: left fields first, then right fields. */
  public static IntFunction<String> fields(String leftAlias, List<String> leftColumns, String rightAlias,
      List<String> rightColumns) {
    int n = leftColumns.size();
    return i -> i < n ? leftAlias + "." + leftColumns.get(i) : rightAlias + "." + rightColumns.get(i - n);
  }

  /** Field references of a one-input expression. */
  public static IntFunction<String> fields(String alias, List<String> columns) {
    return i -> alias + "." + columns.get(i);
  }
}
