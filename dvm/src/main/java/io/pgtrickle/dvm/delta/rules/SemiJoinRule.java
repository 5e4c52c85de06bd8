package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.SemiJoin;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * Semi-join (EXISTS / IN): each left row {@code l} appears {@code count_L(l)·[∃ match in R]} times,
 * so {@code Δ(L ⋉ R)(l) = count_L1(l)·[exists₁(l)] − count_L0(l)·[exists₀(l)]}, computed per affected
 * left row (rows of ΔL, and rows of L₁ matching a changed right row) from match counts, with R₀'s
 * count = R₁'s − the matching ΔR weights ({@link ExistenceDelta}). IN needs nothing more: a NULL
 * comparison is not a match, as in SQL.
 */
public final class SemiJoinRule implements DeltaRule<SemiJoin> {
  @Override public OperatorKind kind() {
    return OperatorKind.SEMI_JOIN;
  }

  @Override public Class<SemiJoin> operatorType() {
    return SemiJoin.class;
  }

  @Override public DeltaSql emit(SemiJoin join, DeltaContext context) {
    InputRelations l = context.inputs().get(0);
    InputRelations r = context.inputs().get(1);
    String kept = ExistenceDelta.delta(l, r, new Matching(join.condition(), true, false), true);
    return DeltaSql.of(context.newCteName("semi_join"), "SELECT " + Sql.renamed("s", l.columns(), context.outputColumns())
        + ", s." + Sql.W + " FROM (" + kept + ") AS s");
  }
}
