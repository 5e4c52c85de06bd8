package io.pgtrickle.dvm.plan;

import java.util.stream.Collectors;

/**
 * A readable, stable text form of a tree, one node per line, inputs indented; expressions in
 * PostgreSQL SQL with input fields written {@code $0, $1, …}. For explain output and tests.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  /** The tree below (and including) {@code node}. */
  public static String print(PlanNode node) {
    StringBuilder sb = new StringBuilder();
    print(node, 0, sb);
    return sb.toString();
  }

  private static void print(PlanNode node, int depth, StringBuilder sb) {
    sb.append("  ".repeat(depth)).append(describe(node)).append('\n');
    node.inputs().forEach(in -> print(in, depth + 1, sb));
  }

  private static String sql(ScalarExpression e) {
    return e.toSql(i -> "$" + i);
  }

  /** One line for {@code node} alone. */
  public static String describe(PlanNode node) {
    if (node instanceof Scan s) {
      return "Scan " + s.relation().qualifiedName() + " (oid " + s.relationOid() + ") ["
          + s.referenced().stream().map(c -> c.name()).collect(Collectors.joining(", ")) + "]";
    } else if (node instanceof Filter f) {
      return "Filter " + sql(f.condition());
    } else if (node instanceof Project p) {
      return "Project " + p.projections().stream().map(PlanPrinter::sql).collect(Collectors.joining(", "));
    } else if (node instanceof Join j) {
      return "Join " + j.joinKind() + " " + sql(j.condition());
    } else if (node instanceof SemiJoin s) {
      return "SemiJoin " + sql(s.condition());
    } else if (node instanceof AntiJoin a) {
      return "AntiJoin " + a.semantics() + " " + sql(a.condition());
    } else if (node instanceof Aggregate a) {
      return "Aggregate group=" + a.groupKeys() + " " + a.calls().stream().map(PlanPrinter::call)
          .collect(Collectors.joining(", "));
    } else if (node instanceof Distinct) {
      return "Distinct";
    } else if (node instanceof SetOp s) {
      return "SetOp " + s.setOpKind() + (s.all() ? " ALL" : "");
    } else if (node instanceof FullRefreshOnly f) {
      return "FullRefreshOnly " + f.kind() + " " + f.construct();
    }
    throw new IllegalArgumentException(node.getClass().getName());
  }

  private static String call(AggregateCall c) {
    return c.function() + "(" + (c.distinct() ? "DISTINCT " : "")
        + (c.arguments().isEmpty() ? "*" : c.arguments().stream().map(i -> "$" + i).collect(Collectors.joining(", ")))
        + (c.orderWithin().isEmpty() ? "" : " ORDER BY " + c.orderWithin().stream()
            .map(k -> "$" + k.field() + (k.descending() ? " DESC" : "")).collect(Collectors.joining(", ")))
        + ")" + c.filter().stream().mapToObj(i -> " FILTER (WHERE $" + i + ")").collect(Collectors.joining());
  }
}
