package io.pgtrickle.refresh.diff;

import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.OwnMark;
import java.util.StringJoiner;

/**
 * Binds source scans for the delta query: {@link #changes} reads the source's change buffer within the
 * window whose snapshots come from the CTE {@value SourceBindings#WINDOW_CTE} ({@code s0}, {@code s1},
 * and S₀'s own-transaction mark {@code m_xid}, {@code m_cmd}: {@link #cte}),
 * which {@link DeltaMaterializer} defines around the delta query; {@link #current} is the live source
 * table, read in the same statement and so in the same snapshot as {@code s1}.
 */
public final class WindowBindings implements SourceBindings {

  /** The window between the CTE's two snapshots and S₀'s own-transaction mark, as SQL over the CTE. */
  static final ChangeWindow WINDOW =
      ChangeWindow.betweenExpressions(
          "SELECT \"s0\" FROM " + Sql.ident(WINDOW_CTE),
          "SELECT \"s1\" FROM " + Sql.ident(WINDOW_CTE))
          .withLowerMark("SELECT \"m_xid\" FROM " + Sql.ident(WINDOW_CTE),
              "SELECT \"m_cmd\" FROM " + Sql.ident(WINDOW_CTE));

  /**
   * The window CTE's definition ({@code "__pgt_window" AS (…)}): S₀ ({@code lowerSql}, SQL castable to
   * {@code pg_snapshot}), its own-transaction mark (null: none) and S₁ ({@code upperSql}).
   */
  static String cte(String lowerSql, OwnMark lowerMark, String upperSql) {
    return Sql.ident(WINDOW_CTE) + " AS (SELECT " + lowerSql + "::pg_catalog.pg_snapshot AS \"s0\", "
        + (lowerMark == null ? "NULL::pg_catalog.xid8" : lowerMark.xidSql()) + " AS \"m_xid\", "
        + (lowerMark == null ? "NULL::bigint" : lowerMark.commandSql()) + " AS \"m_cmd\", "
        + upperSql + " AS \"s1\")";
  }

  /**
   * The window's changes, consolidated per row content (weights summed, zeros dropped): a row that was
   * inserted and deleted again within the window never reaches the delta query, so no expression is
   * evaluated on a row that existed in neither S₀ nor S₁ (it might fail, say divide by zero, where
   * the query itself does not). Rows are grouped by the text form of every column — identical, not
   * merely equal (numeric scale, json whitespace count) — and any type can be grouped that way.
   */
  @Override
  public String changes(Scan scan) {
    StringJoiner select = new StringJoiner(", ");
    StringJoiner group = new StringJoiner(", ");
    for (int i = 0; i < scan.referenced().size(); i++) {
      String column = "c." + Sql.ident(scan.referenced().get(i).name());
      select.add("(pg_catalog.array_agg(" + column + "))[1] AS " + Sql.ident(scan.columns().get(i).name()));
      group.add("(" + column + ")::pg_catalog.text");
    }
    String w = Sql.ident(ChangeBufferLayout.WEIGHT_COLUMN);
    select.add("pg_catalog.sum(c." + w + ")::integer AS " + w);
    return "(SELECT " + select + " FROM "
        + ChangeBufferLayout.qualifiedTableName(scan.relationOid()) + " AS c WHERE "
        + WINDOW.changesPredicate("c") + (group.length() == 0 ? "" : " GROUP BY " + group)
        + " HAVING pg_catalog.sum(c." + w + ") <> 0)";
  }

  @Override
  public String current(Scan scan) {
    return Sql.qualified(scan.relation().schema(), scan.relation().name());
  }
}
