package io.pgtrickle.refresh.diff;

import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.ChangeWindow;
import java.util.StringJoiner;

/**
 * Binds source scans for the delta query: {@link #changes} reads the source's change buffer within the
 * window whose snapshots come from the CTE {@value SourceBindings#WINDOW_CTE} ({@code s0}, {@code s1}),
 * which {@link DeltaMaterializer} defines around the delta query; {@link #current} is the live source
 * table, read in the same statement and so in the same snapshot as {@code s1}.
 */
public final class WindowBindings implements SourceBindings {

  /** The window between the CTE's two snapshots, as SQL over the CTE. */
  static final ChangeWindow WINDOW =
      ChangeWindow.betweenExpressions(
          "SELECT \"s0\" FROM " + Sql.ident(WINDOW_CTE),
          "SELECT \"s1\" FROM " + Sql.ident(WINDOW_CTE));

  @Override
  public String changes(Scan scan) {
    StringJoiner select = new StringJoiner(", ");
    for (int i = 0; i < scan.referenced().size(); i++) {
      select.add("c." + Sql.ident(scan.referenced().get(i).name()) + " AS "
          + Sql.ident(scan.columns().get(i).name()));
    }
    select.add("c." + Sql.ident(ChangeBufferLayout.WEIGHT_COLUMN));
    return "(SELECT " + select + " FROM "
        + ChangeBufferLayout.qualifiedTableName(scan.relationOid()) + " AS c WHERE "
        + WINDOW.changesPredicate("c") + ")";
  }

  @Override
  public String current(Scan scan) {
    return Sql.qualified(scan.relation().schema(), scan.relation().name());
  }
}
