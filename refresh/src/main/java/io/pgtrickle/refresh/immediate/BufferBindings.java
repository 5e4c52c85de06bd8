package io.pgtrickle.refresh.immediate;

import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.refresh.sql.Sql;
import java.util.StringJoiner;

/**
 * Binds source scans for IMMEDIATE maintenance: {@link #changes} is the session's change buffer of the
 * source ({@link ChangeBuffers}: every change since the last maintenance of this stream table in this
 * transaction, not consolidated), {@link #current} the live source table — read after the writing
 * statement(s), so it is the new state, and the rules derive the old state as current − Δ.
 */
final class BufferBindings implements SourceBindings {

  private final long pgtId;
  private final java.util.Map<Long, ImmediatePlan.Source> sources;

  /** @param sources the plan's sources by OID (their buffers' names depend on their columns) */
  BufferBindings(long pgtId, java.util.Map<Long, ImmediatePlan.Source> sources) {
    this.pgtId = pgtId;
    this.sources = java.util.Map.copyOf(sources);
  }

  @Override
  public String changes(Scan scan) {
    StringJoiner select = new StringJoiner(", ");
    for (int i = 0; i < scan.referenced().size(); i++) {
      select.add("b." + Sql.ident(scan.referenced().get(i).name()) + " AS "
          + Sql.ident(scan.columns().get(i).name()));
    }
    select.add("b." + Sql.ident(ChangeBuffers.WEIGHT));
    return "(SELECT " + select + " FROM " + ChangeBuffers.qualified(pgtId, sources.get(scan.relationOid()))
        + " AS b)";
  }

  @Override
  public String current(Scan scan) {
    return Sql.qualified(scan.relation().schema(), scan.relation().name());
  }
}
