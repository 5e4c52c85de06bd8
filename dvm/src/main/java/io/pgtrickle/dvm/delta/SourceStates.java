package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.InputRelations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three relations of one bound source, with the scan's output column names:
 * <ul>
 *   <li>delta: the bound changes, weight cast to bigint;</li>
 *   <li>after: the current relation ({@code R₁});</li>
 *   <li>before: {@code R₀ = R₁ − ΔR} as a multiset. With a primary key among the referenced
 *   columns: the rows of {@code R₁} whose key the window did not touch (an index-friendly
 *   restriction of the live table), plus the reconstructed images of the touched keys
 *   (consolidating {@code R₁}'s rows of those keys with {@code −ΔR}). Without one: the generic form,
 *   {@code R₁ ⊎ −ΔR} consolidated by whole row, each row repeated by its count.</li>
 * </ul>
 */
final class SourceStates {
  private SourceStates() {}

  static InputRelations of(Scan scan, SourceBindings bindings, List<String> out, StatementBuilder st) {
    List<String> changeCols = scan.columns().stream().map(Column::name).map(Sql::quote).toList();
    List<String> sourceCols = scan.referenced().stream().map(PgColumn::name).map(Sql::quote).toList();
    String table = scan.relation().name();
    String delta = st.state("delta_" + table, "SELECT " + Sql.renamed("s", changeCols, out) + ", s." + Sql.W
        + "::bigint AS " + Sql.W + " FROM " + bindings.changes(scan) + " AS s", false);
    String current = bindings.current(scan);
    String after = st.state("new_" + table,
        "SELECT " + Sql.renamed("s", sourceCols, out) + " FROM " + current + " AS s", true);
    String before = st.state("old_" + table, before(scan, current, sourceCols, out, delta), true);
    return new InputRelations(delta, Optional.of(before), Optional.of(after), out);
  }

  private static String before(Scan scan, String current, List<String> sourceCols, List<String> out, String delta) {
    List<Integer> key = keyPositions(scan);
    java.util.function.UnaryOperator<String> restored = where -> "SELECT " + Sql.columns("x", out) + " FROM (SELECT " + Sql.columns("u", out) + ", sum(u." + Sql.W
        + ") AS __pgt_n FROM (SELECT " + Sql.renamed("s", sourceCols, out) + ", 1::bigint AS " + Sql.W + " FROM "
        + current + " AS s" + where + " UNION ALL SELECT " + Sql.columns("d", out) + ", -d." + Sql.W + " FROM " + delta
        + " AS d) AS u GROUP BY " + Sql.columns("u", out) + " HAVING sum(u." + Sql.W + ") > 0) AS x"
        + " CROSS JOIN generate_series(1, x.__pgt_n)";
    if (key.isEmpty()) {
      return restored.apply("");
    }
    List<String> eq = new ArrayList<>();
    for (int k : key) {
      eq.add("d." + out.get(k) + " = s." + sourceCols.get(k));
    }
    String touched = "EXISTS (SELECT 1 FROM " + delta + " AS d WHERE " + String.join(" AND ", eq) + ")";
    return "SELECT " + Sql.renamed("s", sourceCols, out) + " FROM " + current + " AS s WHERE NOT " + touched
        + " UNION ALL " + restored.apply(" WHERE " + touched);
  }

  /** Positions (in the scan's columns) of the primary key, or empty unless all are referenced. */
  private static List<Integer> keyPositions(Scan scan) {
    List<String> pk = scan.relation().primaryKey();
    List<Integer> positions = new ArrayList<>();
    for (String k : pk) {
      int at = -1;
      for (int i = 0; i < scan.referenced().size(); i++) {
        if (scan.referenced().get(i).name().equals(k)) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        return List.of();
      }
      positions.add(at);
    }
    return positions;
  }
}
