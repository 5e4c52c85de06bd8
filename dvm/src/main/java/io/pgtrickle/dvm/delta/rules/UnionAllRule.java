package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.SetOp;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * UNION ALL: {@code Δ(A ⊎ B ⊎ …) = ΔA ⊎ ΔB ⊎ …}. Bag union is linear: the inputs' deltas are
 * concatenated, weights kept. Only {@code UNION ALL}; the other set operations are not linear and
 * have their own rules.
 */
public final class UnionAllRule implements DeltaRule<SetOp> {
  @Override public OperatorKind kind() {
    return OperatorKind.SET_OP;
  }

  @Override public Class<SetOp> operatorType() {
    return SetOp.class;
  }

  @Override public boolean accepts(SetOp op) {
    return op.setOpKind() == SetOp.SetOpKind.UNION && op.all();
  }

  @Override public DeltaSql emit(SetOp op, DeltaContext context) {
    List<String> branches = new ArrayList<>();
    for (InputRelations in : context.inputs()) {
      branches.add("SELECT " + Sql.renamed("t", in.columns(), context.outputColumns()) + ", t." + Sql.W
          + " FROM " + in.delta() + " AS t");
    }
    return DeltaSql.of(context.newCteName("union_all"), String.join(" UNION ALL ", branches));
  }
}
