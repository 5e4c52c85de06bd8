package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.dvm.plan.AntiJoin;
import io.pgtrickle.dvm.plan.FullRefreshOnly;
import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.SetOp;
import java.util.stream.Collectors;

/** The user-facing name of the SQL construct a node stands for ("FULL JOIN", "aggregate string_agg"). */
final class Constructs {
  private Constructs() {}

  static String describe(PlanNode node) {
    if (node instanceof Join j) {
      return j.joinKind() + " JOIN";
    } else if (node instanceof AntiJoin a) {
      return a.semantics() == AntiJoin.Semantics.NOT_IN ? "NOT IN (subquery)" : "NOT EXISTS (subquery)";
    } else if (node instanceof SetOp s) {
      return s.setOpKind() + (s.all() ? " ALL" : "");
    } else if (node instanceof Aggregate a) {
      return a.calls().isEmpty() ? "GROUP BY" : "aggregate " + a.calls().stream().map(AggregateCall::function)
          .distinct().collect(Collectors.joining(", "));
    } else if (node instanceof FullRefreshOnly f) {
      return f.construct();
    }
    switch (node.kind()) {
      case SEMI_JOIN: return "EXISTS / IN (subquery)";
      case DISTINCT: return "DISTINCT";
      case FILTER: return "WHERE";
      case PROJECT: return "select list";
      case SCAN: return "table scan";
      default: return node.kind().name();
    }
  }
}
