package io.pgtrickle.dvm.delta.sql;

import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.dvm.plan.AntiJoin;
import io.pgtrickle.dvm.plan.Distinct;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.dvm.plan.SemiJoin;
import io.pgtrickle.dvm.plan.SetOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One operator as a PostgreSQL SELECT over given input relations: the operator's own semantics, no
 * deltas. Used for the before/after states of a node and, composed over a whole tree by
 * {@link PlanSql}, for the query itself. For a {@link Scan} the one input is the source relation and
 * its columns are the referenced source columns.
 */
public final class OperatorSql {
  private OperatorSql() {}

  /** {@code node} over {@code inputs} (in the node's input order), output columns named {@code out}. */
  public static String select(PlanNode node, List<RelationRef> inputs, List<String> out) {
    if (node instanceof Scan || node instanceof Distinct) {
      RelationRef in = inputs.get(0);
      return "SELECT " + (node instanceof Distinct ? "DISTINCT " : "") + Sql.renamed("t", in.columns(), out)
          + " FROM " + in.from() + " AS t";
    } else if (node instanceof Filter f) {
      RelationRef in = inputs.get(0);
      return "SELECT " + Sql.renamed("t", in.columns(), out) + " FROM " + in.from() + " AS t WHERE "
          + f.condition().toSql(Sql.fields("t", in.columns()));
    } else if (node instanceof Project p) {
      RelationRef in = inputs.get(0);
      IntFunction<String> field = Sql.fields("t", in.columns());
      List<String> items = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        items.add(p.projections().get(i).toSql(field) + " AS " + out.get(i));
      }
      return "SELECT " + String.join(", ", items) + " FROM " + in.from() + " AS t";
    } else if (node instanceof Join j) {
      RelationRef l = inputs.get(0);
      RelationRef r = inputs.get(1);
      return "SELECT " + twoSided(l, r, out) + " FROM " + l.from() + " AS l " + j.joinKind().name()
          + " JOIN " + r.from() + " AS r ON " + j.condition().toSql(Sql.fields("l", l.columns(), "r", r.columns()));
    } else if (node instanceof SemiJoin s) {
      return existence(inputs, out, "EXISTS", s.condition().toSql(fields(inputs)));
    } else if (node instanceof AntiJoin a) {
      String cond = a.condition().toSql(fields(inputs));
      return existence(inputs, out, "NOT EXISTS",
          a.semantics() == AntiJoin.Semantics.NOT_IN ? "(" + cond + ") IS NOT FALSE" : cond);
    } else if (node instanceof Aggregate a) {
      return aggregate(a, inputs.get(0), out);
    } else if (node instanceof SetOp s) {
      return setOp(s, inputs, out);
    }
    throw new IllegalArgumentException("no SQL form for " + node.kind());
  }

  private static IntFunction<String> fields(List<RelationRef> inputs) {
    return Sql.fields("l", inputs.get(0).columns(), "r", inputs.get(1).columns());
  }

  private static String twoSided(RelationRef l, RelationRef r, List<String> out) {
    List<String> from = new ArrayList<>();
    l.columns().forEach(c -> from.add("l." + c));
    r.columns().forEach(c -> from.add("r." + c));
    List<String> items = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      items.add(from.get(i) + " AS " + out.get(i));
    }
    return String.join(", ", items);
  }

  private static String existence(List<RelationRef> inputs, List<String> out, String quantifier, String cond) {
    RelationRef l = inputs.get(0);
    RelationRef r = inputs.get(1);
    return "SELECT " + Sql.renamed("l", l.columns(), out) + " FROM " + l.from() + " AS l WHERE " + quantifier
        + " (SELECT 1 FROM " + r.from() + " AS r WHERE " + cond + ")";
  }

  private static String aggregate(Aggregate a, RelationRef in, List<String> out) {
    IntFunction<String> field = Sql.fields("t", in.columns());
    List<String> items = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    int o = 0;
    for (int k : a.groupKeys()) {
      items.add(field.apply(k) + " AS " + out.get(o++));
      groupBy.add(field.apply(k));
    }
    for (AggregateCall c : a.calls()) {
      items.add(call(c, field) + " AS " + out.get(o++));
    }
    return "SELECT " + String.join(", ", items) + " FROM " + in.from() + " AS t"
        + (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy));
  }

  /** One aggregate call over input fields {@code field}, as PostgreSQL SQL (see {@link AggregateCallSql}). */
  public static String call(AggregateCall c, IntFunction<String> field) {
    return AggregateCallSql.render(c, field);
  }

  private static String setOp(SetOp s, List<RelationRef> inputs, List<String> out) {
    String op = " " + s.setOpKind().name() + (s.all() ? " ALL " : " ");
    List<String> branches = new ArrayList<>();
    for (RelationRef in : inputs) {
      branches.add("SELECT " + Sql.renamed("t", in.columns(), out) + " FROM " + in.from() + " AS t");
    }
    return String.join(op, branches);
  }
}
