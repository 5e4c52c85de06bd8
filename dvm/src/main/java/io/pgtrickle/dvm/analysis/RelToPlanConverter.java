package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.calcite.PgTable;
import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.dvm.plan.AntiJoin;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.Distinct;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.FullRefreshOnly;
import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.ScalarExpression;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.dvm.plan.SemiJoin;
import io.pgtrickle.dvm.plan.SetOp;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * Lowers Calcite's logical plan into our {@link PlanNode} tree, one Calcite operator at a time.
 * Constructs without a delta rule become {@link FullRefreshOnly} markers; constructs we cannot even
 * represent throw {@link UnsupportedQueryException} naming them. Sub-queries in WHERE are handed to
 * {@link SubqueryLowering}.
 */
final class RelToPlanConverter {

  PlanNode convert(RelNode rel) throws UnsupportedQueryException {
    if (rel instanceof TableScan scan) {
      return scan(scan, allFields(scan));
    }
    if (rel instanceof LogicalProject project) {
      return project(project);
    }
    if (rel instanceof LogicalFilter filter) {
      if (RexUtil.SubQueryFinder.find(filter.getCondition()) != null) {
        return new SubqueryLowering(this).lower(filter);
      }
      return new Filter(convert(filter.getInput()), new ScalarExpression(filter.getCondition()));
    }
    if (rel instanceof LogicalJoin join) {
      return join(join);
    }
    if (rel instanceof LogicalAggregate aggregate) {
      return aggregate(aggregate);
    }
    if (rel instanceof Sort sort) {
      if (sort.fetch != null) {
        return fullOnly(OperatorKind.TOP_K, sort.getCollation().getFieldCollations().isEmpty()
            ? "LIMIT" : "ORDER BY … LIMIT", sort);
      }
      if (sort.offset != null) {
        return fullOnly(OperatorKind.TOP_K, "OFFSET", sort);
      }
      return convert(sort.getInput()); // a stored table has no order: ORDER BY alone is dropped
    }
    if (rel instanceof Union || rel instanceof Intersect || rel instanceof Minus) {
      return setOp((org.apache.calcite.rel.core.SetOp) rel);
    }
    if (rel instanceof Correlate) {
      return fullOnly(OperatorKind.LATERAL, "LATERAL", rel);
    }
    if (rel instanceof RepeatUnion || rel instanceof Spool) {
      return new FullRefreshOnly(OperatorKind.RECURSIVE_CTE, "recursive CTE", List.of(), columns(rel));
    }
    if (rel instanceof Window) {
      return fullOnly(OperatorKind.WINDOW, "window function", rel);
    }
    if (rel instanceof Values) {
      throw new UnsupportedQueryException("VALUES list or SELECT without FROM");
    }
    if (rel instanceof TableFunctionScan tfs) {
      throw new UnsupportedQueryException("set-returning function in FROM " + tfs.getCall());
    }
    throw new UnsupportedQueryException("relational operator " + rel.getRelTypeName());
  }

  static List<Column> columns(RelNode rel) {
    List<Column> out = new ArrayList<>();
    for (RelDataTypeField f : rel.getRowType().getFieldList()) {
      out.add(new Column(f.getName(), f.getType()));
    }
    return out;
  }

  private FullRefreshOnly fullOnly(OperatorKind kind, String construct, RelNode rel)
      throws UnsupportedQueryException {
    List<PlanNode> inputs = new ArrayList<>();
    for (RelNode in : rel.getInputs()) {
      inputs.add(convert(in));
    }
    return new FullRefreshOnly(kind, construct, inputs, columns(rel));
  }

  private static List<Integer> allFields(RelNode rel) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
      all.add(i);
    }
    return all;
  }

  private Scan scan(TableScan scan, List<Integer> fields) throws UnsupportedQueryException {
    PgTable table = scan.getTable().unwrap(PgTable.class);
    if (table == null) {
      throw new UnsupportedQueryException("source " + scan.getTable().getQualifiedName()
          + " is not a PostgreSQL relation");
    }
    PgRelation relation = table.relation();
    List<PgColumn> referenced = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    List<RelDataTypeField> scanFields = scan.getRowType().getFieldList();
    for (int i : fields) {
      referenced.add(relation.columns().get(i));
      cols.add(new Column(scanFields.get(i).getName(), scanFields.get(i).getType()));
    }
    return new Scan(relation, referenced, cols);
  }

  private PlanNode project(LogicalProject project) throws UnsupportedQueryException {
    for (RexNode e : project.getProjects()) {
      RexOver over = firstOver(e);
      if (over != null) {
        return fullOnly(OperatorKind.WINDOW,
            "window function " + windowFunctionName(over) + "()", project);
      }
      if (RexUtil.SubQueryFinder.find(e) != null) {
        throw new UnsupportedQueryException("scalar subquery in the select list");
      }
    }
    if (project.getInput() instanceof TableScan scan && isDistinctInputRefs(project.getProjects())) {
      List<Integer> fields = project.getProjects().stream().map(e -> ((RexInputRef) e).getIndex()).toList();
      Scan s = scan(scan, fields);
      List<Column> renamed = new ArrayList<>();
      List<Column> projected = columns(project);
      for (int i = 0; i < fields.size(); i++) {
        renamed.add(new Column(projected.get(i).name(), s.columns().get(i).type()));
      }
      return new Scan(s.relation(), s.referenced(), renamed);
    }
    if (project.getInput() instanceof TableScan scan) {
      return projectOverNarrowedScan(project, scan);
    }
    List<ScalarExpression> exprs = project.getProjects().stream().map(ScalarExpression::new).toList();
    return new Project(convert(project.getInput()), exprs, columns(project));
  }

  /** A scan of only the columns the projection uses, with the expressions renumbered onto it. */
  private PlanNode projectOverNarrowedScan(LogicalProject project, TableScan scan)
      throws UnsupportedQueryException {
    List<Integer> used = org.apache.calcite.plan.RelOptUtil.InputFinder.bits(project.getProjects(), null).asList();
    int[] newIndex = new int[scan.getRowType().getFieldCount()];
    for (int i = 0; i < used.size(); i++) {
      newIndex[used.get(i)] = i;
    }
    org.apache.calcite.rex.RexShuttle renumber = new org.apache.calcite.rex.RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    };
    List<ScalarExpression> exprs = project.getProjects().stream()
        .map(e -> new ScalarExpression(e.accept(renumber))).toList();
    return new Project(scan(scan, used), exprs, columns(project));
  }

  private static boolean isDistinctInputRefs(List<RexNode> exprs) {
    return exprs.stream().allMatch(e -> e instanceof RexInputRef)
        && exprs.stream().map(e -> ((RexInputRef) e).getIndex()).distinct().count() == exprs.size();
  }

  /**
   * The window function the user wrote. Calcite expands {@code sum(x) OVER w} into
   * {@code CASE WHEN count(x) OVER w > 0 THEN $SUM0(x) OVER w END}, so the helper count is skipped.
   */
  private static RexOver firstOver(RexNode e) {
    List<RexOver> found = new ArrayList<>();
    e.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
      @Override public Void visitOver(RexOver over) {
        found.add(over);
        return null;
      }
    });
    return found.stream().filter(o -> found.size() == 1 || o.getOperator().getKind() != org.apache.calcite.sql.SqlKind.COUNT)
        .findFirst().orElse(found.isEmpty() ? null : found.get(0));
  }

  private static String windowFunctionName(RexOver over) {
    String name = over.getOperator().getName().toLowerCase(Locale.ROOT);
    return "$sum0".equals(name) ? "sum" : name;
  }

  private PlanNode join(LogicalJoin join) throws UnsupportedQueryException {
    if (RexUtil.SubQueryFinder.find(join.getCondition()) != null) {
      throw new UnsupportedQueryException("subquery in a JOIN condition");
    }
    PlanNode left = convert(join.getLeft());
    PlanNode right = convert(join.getRight());
    ScalarExpression condition = new ScalarExpression(join.getCondition());
    switch (join.getJoinType()) {
      case INNER: return new Join(Join.JoinKind.INNER, left, right, condition, columns(join));
      case LEFT: return new Join(Join.JoinKind.LEFT, left, right, condition, columns(join));
      case RIGHT: return new Join(Join.JoinKind.RIGHT, left, right, condition, columns(join));
      case FULL: return new Join(Join.JoinKind.FULL, left, right, condition, columns(join));
      case SEMI: return new SemiJoin(left, right, condition);
      case ANTI: return new AntiJoin(left, right, condition, AntiJoin.Semantics.NOT_EXISTS);
      default: throw new UnsupportedQueryException("join type " + join.getJoinType());
    }
  }

  private PlanNode aggregate(LogicalAggregate aggregate) throws UnsupportedQueryException {
    if (aggregate.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
      throw new UnsupportedQueryException("GROUPING SETS, ROLLUP or CUBE");
    }
    PlanNode input = convert(aggregate.getInput());
    List<Integer> keys = aggregate.getGroupSet().asList();
    if (aggregate.getAggCallList().isEmpty()) {
      if (keys.equals(allFields(aggregate.getInput()))) {
        return new Distinct(input);
      }
      List<ScalarExpression> refs = new ArrayList<>();
      List<Column> cols = new ArrayList<>();
      for (int k : keys) {
        refs.add(new ScalarExpression(RexInputRef.of(k, aggregate.getInput().getRowType())));
        cols.add(input.columns().get(k));
      }
      return new Distinct(new Project(input, refs, cols));
    }
    List<AggregateCall> calls = new ArrayList<>();
    List<Column> out = columns(aggregate);
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      org.apache.calcite.rel.core.AggregateCall c = aggregate.getAggCallList().get(i);
      List<AggregateCall.SortKey> order = new ArrayList<>();
      for (RelFieldCollation fc : c.getCollation().getFieldCollations()) {
        order.add(new AggregateCall.SortKey(fc.getFieldIndex(), fc.direction.isDescending()));
      }
      calls.add(new AggregateCall(c.getAggregation().getName().toLowerCase(Locale.ROOT), c.getArgList(),
          c.isDistinct(), c.filterArg >= 0 ? OptionalInt.of(c.filterArg) : OptionalInt.empty(), order,
          out.get(keys.size() + i)));
    }
    return new Aggregate(input, keys, calls);
  }

  private PlanNode setOp(org.apache.calcite.rel.core.SetOp setOp) throws UnsupportedQueryException {
    List<PlanNode> inputs = new ArrayList<>();
    for (RelNode in : setOp.getInputs()) {
      inputs.add(convert(in));
    }
    SetOp.SetOpKind kind = setOp.kind == org.apache.calcite.sql.SqlKind.UNION ? SetOp.SetOpKind.UNION
        : setOp.kind == org.apache.calcite.sql.SqlKind.INTERSECT ? SetOp.SetOpKind.INTERSECT
        : SetOp.SetOpKind.EXCEPT;
    return new SetOp(kind, setOp.all, inputs, columns(setOp));
  }

}
