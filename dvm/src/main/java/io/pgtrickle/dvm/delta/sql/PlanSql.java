package io.pgtrickle.dvm.delta.sql;

import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Scan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A whole operator tree as one PostgreSQL query (nested subqueries), each {@link Scan} reading the
 * relation {@code source} gives for it. With the live tables it is the query itself, so tests can
 * compare it with the user's SQL on PostgreSQL.
 */
public final class PlanSql {
  private PlanSql() {}

  /** {@code root} over the sources, output columns named {@code out} (quoted). */
  public static String render(PlanNode root, Function<Scan, String> source, List<String> out) {
    return OperatorSql.select(root, inputs(root, source), out);
  }

  private static List<RelationRef> inputs(PlanNode node, Function<Scan, String> source) {
    List<RelationRef> refs = new ArrayList<>();
    if (node instanceof Scan s) {
      refs.add(new RelationRef(source.apply(s), s.referenced().stream().map(c -> Sql.quote(c.name())).toList()));
      return refs;
    }
    for (PlanNode in : node.inputs()) {
      List<String> cols = Sql.positional(in.columns().size());
      refs.add(new RelationRef("(" + OperatorSql.select(in, inputs(in, source), cols) + ")", cols));
    }
    return refs;
  }
}
