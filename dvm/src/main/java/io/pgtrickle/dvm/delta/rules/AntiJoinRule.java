package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.AntiJoin;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * Anti-join (NOT EXISTS / NOT IN): {@code Δ(L ▷ R)(l) = count_L1(l)·[¬exists₁(l)] − count_L0(l)·[¬exists₀(l)]},
 * per affected left row from match counts ({@link ExistenceDelta}). For NOT EXISTS a match is a
 * true condition. For NOT IN a match is a condition that is not false: {@code l NOT IN (q)} is true
 * only when every comparison with q's rows is false, so a NULL in q, or a NULL probe value against a
 * non-empty q, selects nothing; an empty q selects every row, NULLs included.
 */
public final class AntiJoinRule implements DeltaRule<AntiJoin> {
  @Override public OperatorKind kind() {
    return OperatorKind.ANTI_JOIN;
  }

  @Override public Class<AntiJoin> operatorType() {
    return AntiJoin.class;
  }

  @Override public DeltaSql emit(AntiJoin join, DeltaContext context) {
    InputRelations l = context.inputs().get(0);
    InputRelations r = context.inputs().get(1);
    Matching matching = new Matching(join.condition(), true, join.semantics() == AntiJoin.Semantics.NOT_IN);
    String kept = ExistenceDelta.delta(l, r, matching, false);
    return DeltaSql.of(context.newCteName("anti_join"), "SELECT " + Sql.renamed("s", l.columns(), context.outputColumns())
        + ", s." + Sql.W + " FROM (" + kept + ") AS s");
  }
}
