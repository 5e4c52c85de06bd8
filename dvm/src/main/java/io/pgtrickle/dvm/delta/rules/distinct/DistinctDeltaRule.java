package io.pgtrickle.dvm.delta.rules.distinct;

import io.pgtrickle.dvm.delta.rules.setop.CountingDeltaSql;
import io.pgtrickle.dvm.delta.rules.setop.Multiplicity;
import io.pgtrickle.dvm.delta.rules.setop.RuleInputs;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.Distinct;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * SELECT DISTINCT, by presence:
 * <pre>
 *   rows  = distinct rows of ΔR with net weight ΣΔR ≠ 0        (NULLs equal)
 *   p₁    = [row ∈ R₁]                                        (an index probe, LIMIT 1 when root)
 *   p₀    = [row ∈ stored result]                             (root)
 *         | [count(row in R₁) − ΣΔR > 0]                      (not the root)
 *   Δδ(R) = (p₁ − p₀) × row, for rows where p₁ ≠ p₀
 * </pre>
 */
public final class DistinctDeltaRule implements DeltaRule<Distinct> {
  @Override public OperatorKind kind() {
    return OperatorKind.DISTINCT;
  }

  @Override public Class<Distinct> operatorType() {
    return Distinct.class;
  }

  @Override public DeltaSql emit(Distinct operator, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    List<Boolean> nullable = nullability(operator.input().columns());
    return new CountingDeltaSql(
        List.of(new CountingDeltaSql.Input(in.delta(), RuleInputs.after(in, "DISTINCT"), in.columns(), nullable)),
        Multiplicity.PRESENT_IN_ANY, RuleInputs.storedResult(context), nullable, context.outputColumns(),
        "distinct", context::newCteName).build();
  }

  private static List<Boolean> nullability(List<Column> columns) {
    return columns.stream().map(c -> c.type().isNullable()).toList();
  }
}
