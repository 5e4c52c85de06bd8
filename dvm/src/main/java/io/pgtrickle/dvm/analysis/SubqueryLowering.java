package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.plan.AntiJoin;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.ScalarExpression;
import io.pgtrickle.dvm.plan.SemiJoin;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Turns a WHERE clause's sub-query conjuncts into semi- and anti-joins:
 * <ul>
 *   <li>{@code EXISTS (q)} → {@link SemiJoin}; {@code NOT EXISTS (q)} → {@link AntiJoin} NOT_EXISTS.
 *   A correlated {@code q} is accepted when its correlation sits in the top WHERE of {@code q}
 *   (the usual {@code WHERE inner.k = outer.k AND …}); those conjuncts become the join condition.</li>
 *   <li>{@code (a, b) IN (q)} → {@link SemiJoin} on {@code a = q1 AND b = q2};
 *   {@code NOT IN} → {@link AntiJoin} NOT_IN, keeping SQL's NULL semantics explicit. Only
 *   uncorrelated {@code q}.</li>
 *   <li>An uncorrelated scalar sub-query returning at most one row ({@code amount > (SELECT avg(amount)
 *   FROM t)}) → {@code LEFT JOIN … ON TRUE} with the value as a column, filtered, then projected away.</li>
 *   <li>A correlated scalar sub-query over an aggregate → the same sub-query grouped by its correlation
 *   keys, LEFT JOINed on them ({@link CorrelatedScalarLowering} says when that is exact).</li>
 * </ul>
 * Other conjuncts stay a {@link Filter} below the joins. Any other sub-query (under OR with EXISTS/IN,
 * other correlated scalar shapes, ANY/ALL) is refused with a precise reason. This is the decorrelation IVM needs,
 * without the aggregate-and-LEFT-JOIN shapes of Calcite's general decorrelator (calcite.md §3).
 */
final class SubqueryLowering {
  private final RelToPlanConverter converter;

  SubqueryLowering(RelToPlanConverter converter) {
    this.converter = converter;
  }

  PlanNode lower(LogicalFilter filter) throws UnsupportedQueryException {
    RexBuilder rex = filter.getCluster().getRexBuilder();
    List<RexNode> plain = new ArrayList<>();
    List<RexNode> subqueries = new ArrayList<>();
    PlanNode node = converter.convert(filter.getInput());
    int leftWidth = filter.getInput().getRowType().getFieldCount();
    int width = leftWidth;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      RexNode core = conjunct.isA(SqlKind.NOT) ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      if (core instanceof RexSubQuery sq && (sq.getKind() == SqlKind.EXISTS || sq.getKind() == SqlKind.IN)) {
        subqueries.add(conjunct);
        continue;
      }
      RexSubQuery found = RexUtil.SubQueryFinder.find(conjunct);
      while (found != null && found.getKind() == SqlKind.SCALAR_QUERY) {
        RexNode ref;
        if (RelOptUtil.getVariablesUsed(found.rel).isEmpty()) {
          node = new Join(Join.JoinKind.LEFT, node, scalar(found), new ScalarExpression(rex.makeLiteral(true)),
              joinedColumns(node, found));
          ref = new RexInputRef(width++, found.getType());
        } else {
          CorrelatedScalarLowering.Grouped grouped = CorrelatedScalarLowering.rewrite(found.rel, rex)
              .orElseThrow(() -> new UnsupportedQueryException("correlated scalar subquery (only an aggregate"
                  + " other than count, correlated by equalities in its WHERE, is maintained)"));
          PlanNode right = converter.convert(grouped.grouped());
          List<RexNode> on = new ArrayList<>();
          for (int k = 0; k < grouped.outerKeys().size(); k++) {
            int outer = grouped.outerKeys().get(k);
            on.add(rex.makeCall(SqlStdOperatorTable.EQUALS,
                rex.makeInputRef(node.columns().get(outer).type(), outer),
                rex.makeInputRef(right.columns().get(k).type(), width + k)));
          }
          List<Column> cols = new ArrayList<>(node.columns());
          for (Column c : right.columns()) {
            cols.add(new Column(c.name(), rex.getTypeFactory().createTypeWithNullability(c.type(), true)));
          }
          node = new Join(Join.JoinKind.LEFT, node, right,
              new ScalarExpression(RexUtil.composeConjunction(rex, on)), cols);
          ref = new RexInputRef(width + grouped.outerKeys().size(), found.getType());
          width += right.columns().size();
        }
        RexSubQuery target = found;
        conjunct = conjunct.accept(new RexShuttle() {
          @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
            return subQuery.equals(target) ? ref : super.visitSubQuery(subQuery);
          }
        });
        found = RexUtil.SubQueryFinder.find(conjunct);
      }
      if (found != null) {
        throw new UnsupportedQueryException(describe(found));
      }
      plain.add(conjunct);
    }
    if (!plain.isEmpty()) {
      node = new Filter(node, new ScalarExpression(RexUtil.composeConjunction(rex, plain)));
    }
    if (width > leftWidth) {
      node = keepFirst(node, leftWidth, rex);
    }
    for (RexNode conjunct : subqueries) {
      boolean negated = conjunct.isA(SqlKind.NOT);
      RexSubQuery sq = (RexSubQuery) (negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct);
      node = sq.getKind() == SqlKind.EXISTS
          ? exists(node, sq, negated, leftWidth, rex)
          : in(node, sq, negated, leftWidth, rex);
    }
    return node;
  }

  private static String describe(RexSubQuery sq) {
    switch (sq.getKind()) {
      case SCALAR_QUERY: return "scalar subquery";
      case SOME:
      case ALL: return "quantified comparison with a subquery (ANY/SOME/ALL)";
      case EXISTS: return "EXISTS inside OR or another expression";
      case IN: return "IN (subquery) inside OR or another expression";
      default: return "subquery (" + sq.getKind() + ")";
    }
  }

  /**
   * An uncorrelated scalar sub-query that returns at most one row (e.g. a global aggregate), as the
   * right side of {@code LEFT JOIN … ON TRUE}: one row, or NULLs when it returns none, exactly as
   * the scalar value behaves.
   */
  private PlanNode scalar(RexSubQuery sq) throws UnsupportedQueryException {
    if (!RelOptUtil.getVariablesUsed(sq.rel).isEmpty()) {
      throw new UnsupportedQueryException("correlated scalar subquery");
    }
    Double maxRows = sq.rel.getCluster().getMetadataQuery().getMaxRowCount(sq.rel);
    if (maxRows == null || maxRows > 1) {
      throw new UnsupportedQueryException("scalar subquery that may return more than one row");
    }
    return converter.convert(sq.rel);
  }

  private static List<Column> joinedColumns(PlanNode left, RexSubQuery sq) {
    List<Column> cols = new ArrayList<>(left.columns());
    RelDataTypeField f = sq.rel.getRowType().getFieldList().get(0);
    cols.add(new Column(f.getName(), sq.getType()));
    return cols;
  }

  /** The first {@code width} columns of {@code node}, dropping the joined scalar values. */
  private static PlanNode keepFirst(PlanNode node, int width, RexBuilder rex) {
    List<ScalarExpression> refs = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      refs.add(new ScalarExpression(rex.makeInputRef(node.columns().get(i).type(), i)));
    }
    return new Project(node, refs, node.columns().subList(0, width));
  }

  private PlanNode exists(PlanNode left, RexSubQuery sq, boolean negated, int leftWidth, RexBuilder rex)
      throws UnsupportedQueryException {
    RelNode inner = sq.rel;
    while (inner instanceof LogicalProject p && p.getProjects().stream().noneMatch(RexUtil::containsCorrelation)) {
      inner = p.getInput(); // EXISTS ignores what the sub-query selects
    }
    List<RexNode> correlated = new ArrayList<>();
    if (inner instanceof LogicalFilter f && RexUtil.containsCorrelation(f.getCondition())) {
      List<RexNode> local = new ArrayList<>();
      for (RexNode c : RelOptUtil.conjunctions(f.getCondition())) {
        (RexUtil.containsCorrelation(c) ? correlated : local).add(c);
      }
      inner = local.isEmpty() ? f.getInput() : LogicalFilter.create(f.getInput(), RexUtil.composeConjunction(rex, local));
    }
    if (!RelOptUtil.getVariablesUsed(inner).isEmpty()) {
      throw new UnsupportedQueryException("correlated subquery whose correlation is not in its top-level WHERE");
    }
    PlanNode right = converter.convert(inner);
    List<RexNode> condition = new ArrayList<>();
    for (RexNode c : correlated) {
      condition.add(c.accept(new Decorrelate(leftWidth, rex)));
    }
    ScalarExpression cond = new ScalarExpression(RexUtil.composeConjunction(rex, condition));
    return negated ? new AntiJoin(left, right, cond, AntiJoin.Semantics.NOT_EXISTS) : new SemiJoin(left, right, cond);
  }

  private PlanNode in(PlanNode left, RexSubQuery sq, boolean negated, int leftWidth, RexBuilder rex)
      throws UnsupportedQueryException {
    if (!RelOptUtil.getVariablesUsed(sq.rel).isEmpty()) {
      throw new UnsupportedQueryException("correlated IN (subquery)");
    }
    PlanNode right = converter.convert(sq.rel);
    List<RexNode> equalities = new ArrayList<>();
    for (int i = 0; i < sq.getOperands().size(); i++) {
      RexNode l = sq.getOperands().get(i);
      RexNode r = new RexInputRef(leftWidth + i, sq.rel.getRowType().getFieldList().get(i).getType());
      equalities.add(rex.makeCall(SqlStdOperatorTable.EQUALS, l, r));
    }
    ScalarExpression cond = new ScalarExpression(RexUtil.composeConjunction(rex, equalities));
    return negated ? new AntiJoin(left, right, cond, AntiJoin.Semantics.NOT_IN) : new SemiJoin(left, right, cond);
  }

  /** Outer references become left fields; the sub-query's own fields move after the left ones. */
  private static final class Decorrelate extends RexShuttle {
    private final int leftWidth;
    private final RexBuilder rex;

    Decorrelate(int leftWidth, RexBuilder rex) {
      this.leftWidth = leftWidth;
      this.rex = rex;
    }

    @Override public RexNode visitInputRef(RexInputRef ref) {
      return new RexInputRef(leftWidth + ref.getIndex(), ref.getType());
    }

    @Override public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable) {
        return rex.makeInputRef(access.getType(), access.getField().getIndex());
      }
      return super.visitFieldAccess(access);
    }
  }
}
