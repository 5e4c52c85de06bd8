package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.plan.Join;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * Inner join: {@code Δ(L⋈R) = ΔL⋈R₁ + L₁⋈ΔR − ΔL⋈ΔR}. From {@code L₁ = L₀ + ΔL} and
 * {@code R₁ = R₀ + ΔR}: {@code L₁⋈R₁ − L₀⋈R₀ = ΔL⋈R₁ + L₁⋈ΔR − ΔL⋈ΔR}, weights multiplying.
 * Exact with duplicates, NULL keys (a NULL condition joins nothing in every term) and any depth of
 * join tree, and it reads only after-states and deltas. A self-join's scans are bound separately.
 */
public final class InnerJoinRule implements DeltaRule<Join> {
  @Override public OperatorKind kind() {
    return OperatorKind.JOIN;
  }

  @Override public Class<Join> operatorType() {
    return Join.class;
  }

  @Override public boolean accepts(Join join) {
    return join.joinKind() == Join.JoinKind.INNER;
  }

  @Override public DeltaSql emit(Join join, DeltaContext context) {
    return DeltaSql.of(context.newCteName("join"), JoinTerms.innerDelta(join.condition(), context.inputs().get(0),
        context.inputs().get(1), context.outputColumns()));
  }
}
