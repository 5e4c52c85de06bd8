package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * LEFT join: {@code L ⟕ R = (L ⋈ R) ⊎ (L ▷ R) × NULLs}, so
 * {@code Δ(L ⟕ R) = Δ(L ⋈ R) ⊎ Δ(L ▷ R) × NULLs}. The inner part is {@link InnerJoinRule}'s; for the
 * anti part each affected left row {@code l} (rows of ΔL, and rows of L₁ matching a changed right
 * row) contributes {@code [no match in R₁] − [no match in R₀]} per copy in L₁ and
 * {@code w·[no match in R₀]} per ΔL row, with R₀'s match count = R₁'s − the matching ΔR weights
 * ({@link ExistenceDelta}); no old state is materialised. A NULL condition is no match, so rows
 * with NULL keys are padded, exactly as PostgreSQL does.
 */
public final class LeftJoinRule implements DeltaRule<Join> {
  @Override public OperatorKind kind() {
    return OperatorKind.JOIN;
  }

  @Override public Class<Join> operatorType() {
    return Join.class;
  }

  @Override public boolean accepts(Join join) {
    return join.joinKind() == Join.JoinKind.LEFT;
  }

  @Override public DeltaSql emit(Join join, DeltaContext context) {
    InputRelations l = context.inputs().get(0);
    InputRelations r = context.inputs().get(1);
    String unmatched = ExistenceDelta.delta(l, r, new Matching(join.condition(), true, false), false);
    return DeltaSql.of(context.newCteName("left_join"),
        JoinTerms.innerDelta(join.condition(), l, r, context.outputColumns())
            + " UNION ALL " + JoinTerms.padded("(" + unmatched + ")", l, r, true, context.outputColumns()));
  }
}
