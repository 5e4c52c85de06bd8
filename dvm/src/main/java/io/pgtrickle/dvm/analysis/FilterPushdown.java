package io.pgtrickle.dvm.analysis;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * Moves WHERE conjuncts into the joins below them: {@code FROM a, b, c WHERE a.x = b.x AND …} arrives from
 * Calcite as a filter over cross joins, whose delta ({@code Δa × b × c}) is quadratic or worse. Calcite's
 * filter-into-join and join-condition-push rules turn it into equi-joins with single-table filters pushed
 * to the scans, which is what PostgreSQL plans too.
 *
 * <p>Conjuncts with a sub-query stay where they are (our sub-query lowering reads them from the filter
 * above the join, with the correlation variables bound to that filter's input): a filter mixing both is
 * first split into a sub-query filter above a plain one, and only plain filters and join conditions move.
 * No expression is simplified (simplification drops casts to PostgreSQL-named types).
 */
final class FilterPushdown {

  private static final RelBuilder.Config NO_SIMPLIFY = RelBuilder.Config.DEFAULT.withSimplify(false);

  private static final HepProgram PROGRAM = HepProgram.builder()
      .addRuleCollection(List.of(
          FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT
              .withOperandSupplier(b0 -> b0.operand(LogicalFilter.class)
                  .predicate(f -> !hasSubquery(f.getCondition()))
                  .oneInput(b1 -> b1.operand(LogicalJoin.class).anyInputs()))
              .withRelBuilderFactory(RelBuilder.proto(Contexts.of(NO_SIMPLIFY)))
              .as(FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.class)
              .toRule(),
          FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT
              .withOperandSupplier(b -> b.operand(LogicalJoin.class)
                  .predicate(j -> !hasSubquery(j.getCondition())).anyInputs())
              .withRelBuilderFactory(RelBuilder.proto(Contexts.of(NO_SIMPLIFY)))
              .as(FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.class)
              .toRule()))
      .build();

  private FilterPushdown() {}

  static RelNode apply(RelNode rel) {
    RelNode split = rel.accept(new SplitSubqueryConjuncts());
    HepPlanner planner = new HepPlanner(PROGRAM);
    planner.setRoot(split);
    return planner.findBestExp();
  }

  private static boolean hasSubquery(RexNode condition) {
    return RexUtil.SubQueryFinder.find(condition) != null;
  }

  /** Filter(a AND sub AND b) → Filter(sub) over Filter(a AND b), the upper one keeping the correlation. */
  private static final class SplitSubqueryConjuncts extends RelShuttleImpl {
    @Override
    public RelNode visit(LogicalFilter filter) {
      RelNode input = filter.getInput().accept(this);
      List<RexNode> withSubquery = new ArrayList<>();
      List<RexNode> plain = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
        (hasSubquery(conjunct) ? withSubquery : plain).add(conjunct);
      }
      if (withSubquery.isEmpty() || plain.isEmpty()) {
        return input == filter.getInput() ? filter : filter.copy(filter.getTraitSet(), input, filter.getCondition());
      }
      RexNode lower = RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), plain);
      RexNode upper = RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), withSubquery);
      return LogicalFilter.create(LogicalFilter.create(input, lower), upper,
          ImmutableSet.copyOf(filter.getVariablesSet()));
    }
  }
}
