package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * RIGHT join, the mirror of {@link LeftJoinRule}: {@code L ⟖ R = (L ⋈ R) ⊎ NULLs × (R ▷ L)}, so
 * {@code Δ(L ⟖ R) = Δ(L ⋈ R) ⊎ NULLs × Δ(R ▷ L)}, the anti part counted per affected right row
 * ({@link ExistenceDelta}). Output columns stay left then right.
 */
public final class RightJoinRule implements DeltaRule<Join> {
  @Override public OperatorKind kind() {
    return OperatorKind.JOIN;
  }

  @Override public Class<Join> operatorType() {
    return Join.class;
  }

  @Override public boolean accepts(Join join) {
    return join.joinKind() == Join.JoinKind.RIGHT;
  }

  @Override public DeltaSql emit(Join join, DeltaContext context) {
    InputRelations l = context.inputs().get(0);
    InputRelations r = context.inputs().get(1);
    String unmatched = ExistenceDelta.delta(r, l, new Matching(join.condition(), false, false), false);
    return DeltaSql.of(context.newCteName("right_join"),
        JoinTerms.innerDelta(join.condition(), l, r, context.outputColumns())
            + " UNION ALL " + JoinTerms.padded("(" + unmatched + ")", r, l, false, context.outputColumns()));
  }
}
