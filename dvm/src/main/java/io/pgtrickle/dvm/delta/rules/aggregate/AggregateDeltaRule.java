package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.dvm.delta.rules.setop.RuleInputs;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Aggregate by group rescan, exact for every aggregate function, FILTER, DISTINCT and ORDER BY inside
 * calls:
 * <pre>
 *   G    = distinct group keys of ΔR                       (NULL keys match with IS NOT DISTINCT FROM)
 *   old  = rows of the stored result with key in G         (root: the stream table is exactly γ(R₀))
 *        | γ(σ[key ∈ G] R₀)                                (not the root)
 *   new  = γ(σ[key ∈ G] R₁)
 *   Δγ(R) = −old + new                                     (equal rows cancel on consolidation)
 * </pre>
 * Without GROUP BY there is exactly one group and one row, also on empty input (count 0, sum NULL):
 * {@code Δ = −γ(R₀) + γ(R₁)} when ΔR has any row, else nothing. The work is proportional to the rows
 * of the affected groups: the keys drive index probes into the states.
 *
 * <p>Every call is given to the first {@link AggregateStrategy} that handles it; until the engine keeps
 * hidden state columns, all of them are maintained by rescanning their group, which
 * {@link GroupRescanStrategy} (the last resort, handling every function, and the only strategy
 * registered today) describes. {@link CountStrategy}, {@link SumStrategy}, {@link AvgStrategy} and
 * {@link MinMaxStrategy} hold the algebraic state SQL for when it does.
 */
public final class AggregateDeltaRule implements DeltaRule<Aggregate> {
  private static final Logger LOG = System.getLogger(AggregateDeltaRule.class.getName());

  private final AggregateStrategies strategies;

  /** With the strategies registered through {@link java.util.ServiceLoader}. */
  public AggregateDeltaRule() {
    this(AggregateStrategies.loaded());
  }

  /** With the given strategies. */
  public AggregateDeltaRule(AggregateStrategies strategies) {
    this.strategies = strategies;
  }

  @Override public OperatorKind kind() {
    return OperatorKind.AGGREGATE;
  }

  @Override public Class<Aggregate> operatorType() {
    return Aggregate.class;
  }

  /** Every call must be renderable in PostgreSQL and handled by some strategy. */
  @Override public boolean accepts(Aggregate operator) {
    return operator.calls().stream().allMatch(c -> AggregateCallSql.renderable(c)
        && strategies.forCall(new PlanAggregateCallView(c, operator.input().columns())).isPresent());
  }

  @Override public DeltaSql emit(Aggregate operator, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    Optional<String> stored = RuleInputs.storedResult(context);
    if (LOG.isLoggable(Level.DEBUG)) {
      operator.calls().forEach(c -> LOG.log(Level.DEBUG, "{0}: {1} (maintained by group rescan)", c.function(),
          strategies.forCall(new PlanAggregateCallView(c, operator.input().columns()))
              .map(s -> s.getClass().getSimpleName()).orElse("-")));
    }
    return new GroupRescanSql(operator, in.delta(), stored.isPresent() ? Optional.empty()
        : Optional.of(RuleInputs.before(in, "aggregate")), RuleInputs.after(in, "aggregate"),
        in.columns(), stored, context.outputColumns(), context::newCteName).build();
  }
}
