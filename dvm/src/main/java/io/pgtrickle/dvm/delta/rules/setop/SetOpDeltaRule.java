package io.pgtrickle.dvm.delta.rules.setop;

import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.SetOp;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * UNION, INTERSECT [ALL] and EXCEPT [ALL] (not UNION ALL, which is linear and has its own rule), by
 * counting each affected row in every input:
 * <pre>
 *   rows  = distinct rows of ΔA ∪ ΔB ∪ …, with net weights ΣΔA, ΣΔB, …   (NULLs equal)
 *   a₁    = count(row in A₁), a₀ = a₁ − ΣΔA; likewise b, …
 *   f     = UNION [a+b>0] | INTERSECT [a>0 ∧ b>0] | INTERSECT ALL min(a,b)
 *         | EXCEPT [a>0 ∧ b=0] | EXCEPT ALL max(a−b,0)                  (n-ary: folded left)
 *   Δ     = (f(a₁, b₁, …) − f(a₀, b₀, …)) × row, where not 0
 * </pre>
 */
public final class SetOpDeltaRule implements DeltaRule<SetOp> {
  @Override public OperatorKind kind() {
    return OperatorKind.SET_OP;
  }

  @Override public Class<SetOp> operatorType() {
    return SetOp.class;
  }

  /** Everything but UNION ALL. */
  @Override public boolean accepts(SetOp operator) {
    return !(operator.setOpKind() == SetOp.SetOpKind.UNION && operator.all());
  }

  @Override public DeltaSql emit(SetOp operator, DeltaContext context) {
    List<CountingDeltaSql.Input> inputs = new ArrayList<>();
    for (int i = 0; i < operator.inputs().size(); i++) {
      InputRelations in = context.inputs().get(i);
      PlanNode node = operator.inputs().get(i);
      inputs.add(new CountingDeltaSql.Input(in.delta(), RuleInputs.after(in, operator.setOpKind().name()),
          in.columns(), node.columns().stream().map(c -> c.type().isNullable()).toList()));
    }
    return new CountingDeltaSql(inputs, Multiplicity.of(operator), java.util.Optional.empty(), List.of(),
        context.outputColumns(), "setop", context::newCteName).build();
  }
}
