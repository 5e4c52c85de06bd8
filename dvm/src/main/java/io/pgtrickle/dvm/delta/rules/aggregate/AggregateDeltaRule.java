package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.StatefulRootRule;
import io.pgtrickle.dvm.delta.rules.setop.RuleInputs;
import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.dvm.delta.sql.PlanSql;
import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Aggregate deltas. Every call is given to the first {@link AggregateStrategy} that handles it
 * ({@link AggregateStrategies}: the registered plugins in order, {@link GroupRescanStrategy} last).
 *
 * <p><b>Root aggregate with hidden state</b> (the aggregate is the root and some call is
 * {@code ALGEBRAIC} or {@code RESCAN_ON_DELETE}; layout in {@link AggregateState}, SQL in
 * {@link StatefulAggregateSql}). Per affected group g, with S the stored row (user values and
 * states σ, count n):
 * <pre>
 *   Δσ(g), Δn(g) = the state aggregates over ΔR's rows of g        (Σ w-weighted; O(|ΔR|))
 *   rescan(g)    = some call is GROUP_RESCAN, or a RESCAN_ON_DELETE call's extreme may have left
 *   new(g)       = γ(σ[key = g] R₁) with states                    if rescan(g)
 *                | (merge(σ, Δσ), n + Δn, finalValue(merge(σ, Δσ)))  otherwise
 *   Δγ(R)        = −S(g) + new(g)                                   (no new row when n + Δn = 0 with
 *                                                                    GROUP BY; without GROUP BY the
 *                                                                    single row always stays)
 * </pre>
 * Only ΔR and the stored rows of the affected groups are read, unless a group is rescanned.
 *
 * <p><b>Otherwise: group rescan</b>, exact for every aggregate function, FILTER, DISTINCT and ORDER
 * BY inside calls ({@link GroupRescanSql}):
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
 */
public final class AggregateDeltaRule implements DeltaRule<Aggregate>, StatefulRootRule<Aggregate> {
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
        && strategies.forCall(PlanAggregateCallView.of(operator, c)).isPresent());
  }

  @Override public Optional<RootState> rootState(Aggregate operator, Function<Scan, String> source,
      List<String> output) {
    return AggregateState.of(operator, strategies).map(state -> {
      List<String> in = Sql.positional(operator.input().columns().size());
      String input = PlanSql.render(operator.input(), source, in);
      List<String> groupBy = new ArrayList<>();
      operator.groupKeys().forEach(k -> groupBy.add("r." + in.get(k)));
      String query = "SELECT " + state.selectList(i -> "r." + in.get(i), output) + " FROM (SELECT t.*, CAST(1 AS bigint) AS "
          + DeltaContext.WEIGHT_COLUMN + " FROM (" + input + ") AS t) AS r"
          + (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy));
      return new RootState(state.hiddenColumns(), query, state.explain());
    });
  }

  @Override public DeltaSql emit(Aggregate operator, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    Optional<String> stored = RuleInputs.storedResult(context);
    Optional<AggregateState> state = stored.isPresent() && context.hiddenStateAllowed()
        ? AggregateState.of(operator, strategies) : Optional.empty();
    if (state.isPresent()) {
      LOG.log(Level.DEBUG, () -> state.get().explain());
      List<Boolean> nullable = operator.groupKeys().stream()
          .map(k -> operator.input().columns().get(k).type().isNullable()).toList();
      return new StatefulAggregateSql(state.get(), in.delta(), RuleInputs.after(in, "aggregate"), in.columns(),
          stored.get(), context.outputColumns(), nullable, context::newCteName).build();
    }
    return new GroupRescanSql(operator, in.delta(), stored.isPresent() ? Optional.empty()
        : Optional.of(RuleInputs.before(in, "aggregate")), RuleInputs.after(in, "aggregate"),
        in.columns(), stored, context.outputColumns(), context::newCteName).build();
  }
}
