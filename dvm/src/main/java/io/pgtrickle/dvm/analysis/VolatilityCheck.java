package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.catalog.PgFunction;
import io.pgtrickle.dvm.catalog.Volatility;
import io.pgtrickle.dvm.parse.PgCatalogFunction;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.ScalarExpression;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;

/**
 * Finds function calls that stop differential maintenance: volatile functions (their value differs
 * between the full and the incremental computation) and set-returning functions. Volatility is
 * PostgreSQL's {@code pg_proc.provolatile} through the {@link CatalogReader}, the most volatile
 * overload winning; functions PostgreSQL does not list fall back to Calcite's own
 * {@code isDeterministic()}. Stable functions such as {@code now()} are fine: a refresh is one
 * statement over one snapshot.
 */
final class VolatilityCheck {
  private final CatalogReader catalog;
  private final Map<String, Volatility> byName = new HashMap<>();

  VolatilityCheck(CatalogReader catalog) {
    this.catalog = catalog;
  }

  /** The first refused call in {@code root}, as a user-facing reason. */
  Optional<String> firstProblem(PlanNode root) {
    List<ScalarExpression> all = root.descendantsAndSelf().flatMap(n -> n.expressions().stream()).toList();
    for (ScalarExpression e : all) {
      String[] problem = new String[1];
      e.rex().accept(new RexVisitorImpl<Void>(true) {
        @Override public Void visitCall(RexCall call) {
          if (problem[0] == null) {
            problem[0] = check(call.getOperator());
          }
          return super.visitCall(call);
        }
      });
      if (problem[0] != null) {
        return Optional.of(problem[0]);
      }
    }
    return Optional.empty();
  }

  private String check(SqlOperator op) {
    String name = op.getName().toLowerCase(Locale.ROOT);
    if (op instanceof PgCatalogFunction f) {
      if (f.returnsSet()) {
        return "set-returning function " + name + "()";
      }
      return f.volatility() == Volatility.VOLATILE ? "volatile function " + name + "()" : null;
    }
    if (!(op instanceof SqlFunction)) {
      return op.isDeterministic() ? null : "volatile function " + name + "()";
    }
    Volatility v = byName.computeIfAbsent(name, n -> catalog.functions(n).stream()
        .map(PgFunction::volatility).reduce(Volatility::max)
        .orElse(op.isDeterministic() ? Volatility.IMMUTABLE : Volatility.VOLATILE));
    return v == Volatility.VOLATILE || !op.isDeterministic() ? "volatile function " + name + "()" : null;
  }
}
