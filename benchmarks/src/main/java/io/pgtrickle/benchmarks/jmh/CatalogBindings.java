package io.pgtrickle.benchmarks.jmh;

import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import java.util.StringJoiner;

/**
 * Source bindings shaped like the engine's: changes come from a per-OID buffer filtered by the window
 * CTE, the current state is the table itself. Only the SQL text matters here; nothing is executed.
 */
final class CatalogBindings implements SourceBindings {

  @Override
  public String changes(Scan scan) {
    StringJoiner select = new StringJoiner(", ");
    for (int i = 0; i < scan.referenced().size(); i++) {
      select.add("c." + PgIdentifiers.quote(scan.referenced().get(i).name()) + " AS "
          + PgIdentifiers.quote(scan.columns().get(i).name()));
    }
    select.add("c.\"__pgt_w\"");
    return "(SELECT " + select + " FROM pgtrickle.\"changes_" + scan.relationOid() + "\" AS c, " + WINDOW_CTE
        + " AS w WHERE c.\"__pgt_xid\" > w.s0 AND c.\"__pgt_xid\" <= w.s1)";
  }

  @Override
  public String current(Scan scan) {
    return scan.relation().qualifiedName();
  }
}
