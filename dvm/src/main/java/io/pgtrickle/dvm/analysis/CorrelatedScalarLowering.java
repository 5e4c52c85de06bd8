package io.pgtrickle.dvm.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A correlated scalar sub-query over an aggregate, {@code x < (SELECT f(agg(e)) FROM t WHERE t.k = outer.k
 * AND …)}, rewritten as the grouped sub-query {@code (SELECT t.k, f(agg(e)) FROM t WHERE … GROUP BY t.k)}
 * that the caller LEFT JOINs on {@code t.k = outer.k}.
 *
 * <p>Why it is exact: the sub-query's value for an outer row is its aggregate over the inner rows with
 * equal keys, which is that key's group; a key with no inner rows (or a NULL outer key, which equals
 * nothing) has no group, so the LEFT JOIN yields NULL — and the sub-query yields {@code f(agg(∅))}. These
 * agree only when {@code agg(∅)} is NULL and {@code f} is strict, so the rewrite is refused for
 * {@code count} (0 on no rows) and for any {@code f} that is not NULL on NULL input ({@code coalesce}…).
 * Accepted shape: [Project] → Aggregate without GROUP BY → [Project] → Filter whose correlated conjuncts
 * are all {@code inner column = outer column}; nothing else may be correlated.
 */
final class CorrelatedScalarLowering {

  /**
   * The rewritten sub-query and how to join it.
   *
   * @param grouped its columns: the keys, then the value
   * @param outerKeys per key, the outer column (index in the outer row) it must equal
   */
  record Grouped(RelNode grouped, List<Integer> outerKeys) {}

  private CorrelatedScalarLowering() {}

  static Optional<Grouped> rewrite(RelNode subquery, RexBuilder rex) {
    RelNode top = subquery;
    LogicalProject above = null;
    if (top instanceof LogicalProject p) {
      above = p;
      top = p.getInput();
    }
    if (!(top instanceof LogicalAggregate agg) || !agg.getGroupSet().isEmpty()
        || agg.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
      return Optional.empty();
    }
    for (AggregateCall call : agg.getAggCallList()) {
      if (call.getAggregation().getKind() == SqlKind.COUNT || call.getAggregation().getKind() == SqlKind.REGR_COUNT) {
        return Optional.empty(); // count(∅) = 0, not NULL
      }
    }
    RelNode below = agg.getInput();
    LogicalProject between = null;
    if (below instanceof LogicalProject p && p.getProjects().stream().noneMatch(RexUtil::containsCorrelation)) {
      between = p;
      below = p.getInput();
    }
    if (!(below instanceof LogicalFilter filter) || !RexUtil.containsCorrelation(filter.getCondition())) {
      return Optional.empty();
    }
    List<RexNode> local = new ArrayList<>();
    List<Integer> innerKeys = new ArrayList<>();
    List<Integer> outerKeys = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      if (!RexUtil.containsCorrelation(conjunct)) {
        local.add(conjunct);
        continue;
      }
      if (!conjunct.isA(SqlKind.EQUALS)) {
        return Optional.empty();
      }
      RexNode a = ((RexCall) conjunct).getOperands().get(0);
      RexNode b = ((RexCall) conjunct).getOperands().get(1);
      Optional<Integer> outerA = outerField(a);
      Optional<Integer> outerB = outerField(b);
      if (outerA.isPresent() && b instanceof RexInputRef ref) {
        innerKeys.add(ref.getIndex());
        outerKeys.add(outerA.get());
      } else if (outerB.isPresent() && a instanceof RexInputRef ref) {
        innerKeys.add(ref.getIndex());
        outerKeys.add(outerB.get());
      } else {
        return Optional.empty();
      }
    }
    RelNode inner = local.isEmpty() ? filter.getInput()
        : LogicalFilter.create(filter.getInput(), RexUtil.composeConjunction(rex, local));
    if (!RelOptUtil.getVariablesUsed(inner).isEmpty()) {
      return Optional.empty();
    }
    inner = FilterPushdown.apply(inner);
    // The aggregate's input: the projection between (if any) plus the keys, appended.
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int width = between == null ? inner.getRowType().getFieldCount() : between.getProjects().size();
    for (int i = 0; i < width; i++) {
      exprs.add(between == null ? rex.makeInputRef(inner, i) : between.getProjects().get(i));
      names.add(null);
    }
    for (int key : innerKeys) {
      exprs.add(rex.makeInputRef(inner, key));
      names.add(null);
    }
    RelNode input = LogicalProject.create(inner, List.of(), exprs, names, java.util.Set.of());
    ImmutableBitSet groupSet = ImmutableBitSet.range(width, width + innerKeys.size());
    if (groupSet.cardinality() != innerKeys.size()) {
      return Optional.empty();
    }
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      calls.add(call.adaptTo(input, call.getArgList(), call.filterArg, 0, innerKeys.size()));
    }
    RelNode grouped = LogicalAggregate.create(input, List.of(), groupSet, null, calls);
    int keys = innerKeys.size();
    List<RexNode> out = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      out.add(rex.makeInputRef(grouped, i));
    }
    if (above == null) {
      if (agg.getAggCallList().size() != 1) {
        return Optional.empty();
      }
      out.add(rex.makeInputRef(grouped, keys));
    } else {
      RexNode value = above.getProjects().get(0);
      if (above.getProjects().size() != 1 || RexUtil.containsCorrelation(value)
          || !Strong.isNull(value, ImmutableBitSet.range(agg.getAggCallList().size()))) {
        return Optional.empty(); // f(NULL) must be NULL for the LEFT JOIN's NULL to be the right value
      }
      out.add(value.accept(new RexShuttle() {
        @Override public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(ref.getIndex() + keys, ref.getType());
        }
      }));
    }
    List<String> outNames = new ArrayList<>();
    for (int i = 0; i <= keys; i++) {
      outNames.add(i < keys ? "__pgt_key" + i : "__pgt_value");
    }
    return Optional.of(new Grouped(LogicalProject.create(grouped, List.of(), out, outNames, java.util.Set.of()),
        outerKeys));
  }

  private static Optional<Integer> outerField(RexNode node) {
    if (node instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable) {
      return Optional.of(access.getField().getIndex());
    }
    return Optional.empty();
  }
}
