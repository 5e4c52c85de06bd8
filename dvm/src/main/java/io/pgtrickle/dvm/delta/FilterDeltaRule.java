package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter: <b>Δσ<sub>p</sub>(R) = σ<sub>p</sub>(ΔR)</b>. Selection is linear: the predicate is evaluated
 * on each delta row and the weight passes through, so an update that moves a row out of (or into)
 * the predicate shows up as its −1 (or +1) image only.
 */
public final class FilterDeltaRule implements DeltaRule<Filter> {
  @Override public OperatorKind kind() {
    return OperatorKind.FILTER;
  }

  @Override public Class<Filter> operatorType() {
    return Filter.class;
  }

  @Override public DeltaSql emit(Filter filter, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    List<String> select = new ArrayList<>();
    for (int i = 0; i < in.columns().size(); i++) {
      select.add(in.columns().get(i) + " AS " + context.outputColumns().get(i));
    }
    select.add(DeltaContext.WEIGHT_COLUMN);
    String predicate = filter.condition().toSql(in.columns()::get);
    String name = context.newCteName("filter");
    return DeltaSql.of(name, "SELECT " + String.join(", ", select) + " FROM " + in.delta() + " WHERE " + predicate);
  }
}
