package io.pgtrickle.example.rule;

import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * An example third-party rule: a filter directly over a table scan,
 * {@code Δσp(T) = σp(ΔT)}, with the predicate tested as {@code (p) IS TRUE} (the WHERE semantics: a
 * row whose predicate is NULL is dropped) and the result in a CTE whose name ends in
 * {@value #CTE_HINT}, so {@code pgtrickle.explain} shows which rule ran.
 *
 * <p>Its {@link #priority()} is above the built-in rules', so it takes every filter it
 * {@link #accepts}; filters over anything other than a scan (HAVING over an aggregate, a filter over
 * a join) it declines, and the built-in filter rule handles them.
 */
public final class TableFilterRule implements DeltaRule<Filter> {

  /** The hint in the name of the CTE this rule emits. */
  public static final String CTE_HINT = "table_filter";

  @Override public OperatorKind kind() {
    return OperatorKind.FILTER;
  }

  @Override public Class<Filter> operatorType() {
    return Filter.class;
  }

  @Override public int priority() {
    return 10;
  }

  @Override public boolean accepts(Filter filter) {
    return filter.input() instanceof Scan;
  }

  @Override public DeltaSql emit(Filter filter, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    List<String> select = new ArrayList<>();
    for (int i = 0; i < in.columns().size(); i++) {
      select.add("d." + in.columns().get(i) + " AS " + context.outputColumns().get(i));
    }
    select.add("d." + DeltaContext.WEIGHT_COLUMN);
    String predicate = filter.condition().toSql(i -> "d." + in.columns().get(i));
    return DeltaSql.of(context.newCteName(CTE_HINT),
        "SELECT " + String.join(", ", select) + " FROM " + in.delta() + " AS d WHERE (" + predicate
            + ") IS TRUE");
  }
}
