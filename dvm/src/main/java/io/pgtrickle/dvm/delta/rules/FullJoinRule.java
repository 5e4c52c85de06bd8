package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * FULL join: {@code L ⟗ R = (L ⋈ R) ⊎ (L ▷ R) × NULLs ⊎ NULLs × (R ▷ L)}, so its delta is the inner
 * delta plus both anti parts' deltas, each counted per affected row ({@link ExistenceDelta}). Unlike
 * PostgreSQL's own FULL JOIN it needs no hash- or merge-joinable condition.
 */
public final class FullJoinRule implements DeltaRule<Join> {
  @Override public OperatorKind kind() {
    return OperatorKind.JOIN;
  }

  @Override public Class<Join> operatorType() {
    return Join.class;
  }

  @Override public boolean accepts(Join join) {
    return join.joinKind() == Join.JoinKind.FULL;
  }

  @Override public DeltaSql emit(Join join, DeltaContext context) {
    InputRelations l = context.inputs().get(0);
    InputRelations r = context.inputs().get(1);
    String leftOnly = ExistenceDelta.delta(l, r, new Matching(join.condition(), true, false), false);
    String rightOnly = ExistenceDelta.delta(r, l, new Matching(join.condition(), false, false), false);
    return DeltaSql.of(context.newCteName("full_join"),
        JoinTerms.innerDelta(join.condition(), l, r, context.outputColumns())
            + " UNION ALL " + JoinTerms.padded("(" + leftOnly + ")", l, r, true, context.outputColumns())
            + " UNION ALL " + JoinTerms.padded("(" + rightOnly + ")", r, l, false, context.outputColumns()));
  }
}
