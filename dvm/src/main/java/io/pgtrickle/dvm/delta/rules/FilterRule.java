package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;

/**
 * Filter: {@code Δσp(R) = σp(ΔR)}. The predicate is deterministic and sees one row at a time, so a
 * row's membership is the same in every state; its weight is carried unchanged. Rows for which
 * {@code p} is NULL are dropped, as in WHERE.
 */
public final class FilterRule implements DeltaRule<Filter> {
  @Override public OperatorKind kind() {
    return OperatorKind.FILTER;
  }

  @Override public Class<Filter> operatorType() {
    return Filter.class;
  }

  @Override public DeltaSql emit(Filter filter, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    return DeltaSql.of(context.newCteName("filter"), "SELECT " + Sql.renamed("t", in.columns(), context.outputColumns())
        + ", t." + Sql.W + " FROM " + in.delta() + " AS t WHERE "
        + filter.condition().toSql(Sql.fields("t", in.columns())));
  }
}
