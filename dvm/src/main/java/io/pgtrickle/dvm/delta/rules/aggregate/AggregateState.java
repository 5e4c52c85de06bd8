package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import io.pgtrickle.spi.dvm.AggregateStrategy.Maintenance;
import io.pgtrickle.spi.dvm.AggregateStrategy.StateColumn;
import io.pgtrickle.spi.dvm.DeltaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The hidden state a root aggregate keeps in its stream table, after its user columns:
 * {@value #COUNT} (bigint, the group's row count), then per call {@code i} (0-based, in call order)
 * the state columns of the strategy that maintains it, named {@code __pgt_a<i>_<suffix>}. A call
 * maintained by group rescan has none. Kept only when at least one call is maintained by an
 * {@link Maintenance#ALGEBRAIC} or {@link Maintenance#RESCAN_ON_DELETE} strategy; otherwise the
 * aggregate is maintained by group rescan alone, as when it is not the root.
 *
 * <p>Every state column's SQL is an aggregate over weighted rows ({@code __pgt_w}); over the rows
 * of a relation with weight 1 it is the group's full state, which is how FULL refreshes and group
 * rescans compute it ({@link #selectList}).
 */
public final class AggregateState {

  /** The group's row count: a group whose count reaches 0 disappears (with GROUP BY). */
  public static final String COUNT = "__pgt_count";

  private static final String W = DeltaContext.WEIGHT_COLUMN;

  private final Aggregate aggregate;
  private final List<PlanAggregateCallView> views;
  private final List<AggregateStrategy> strategies;
  private final List<List<String>> names;

  private AggregateState(Aggregate aggregate, List<PlanAggregateCallView> views,
      List<AggregateStrategy> strategies) {
    this.aggregate = aggregate;
    this.views = List.copyOf(views);
    this.strategies = List.copyOf(strategies);
    List<List<String>> all = new ArrayList<>();
    for (int i = 0; i < views.size(); i++) {
      List<String> own = new ArrayList<>();
      for (StateColumn c : strategies.get(i).stateColumns(views.get(i), f -> "x")) {
        own.add("__pgt_a" + i + "_" + c.suffix());
      }
      all.add(List.copyOf(own));
    }
    this.names = List.copyOf(all);
  }

  /** The state {@code aggregate} keeps as the root, or empty when every call is rescanned. */
  public static Optional<AggregateState> of(Aggregate aggregate, AggregateStrategies strategies) {
    List<PlanAggregateCallView> views = new ArrayList<>();
    List<AggregateStrategy> chosen = new ArrayList<>();
    boolean stateful = false;
    for (AggregateCall c : aggregate.calls()) {
      PlanAggregateCallView v = PlanAggregateCallView.of(aggregate, c);
      Optional<AggregateStrategy> s = strategies.forCall(v);
      if (!AggregateCallSql.renderable(c) || s.isEmpty()) {
        return Optional.empty();
      }
      stateful |= s.get().maintenance() != Maintenance.GROUP_RESCAN;
      views.add(v);
      chosen.add(s.get());
    }
    return stateful ? Optional.of(new AggregateState(aggregate, views, chosen)) : Optional.empty();
  }

  Aggregate aggregate() {
    return aggregate;
  }

  int calls() {
    return views.size();
  }

  PlanAggregateCallView view(int call) {
    return views.get(call);
  }

  AggregateStrategy strategy(int call) {
    return strategies.get(call);
  }

  Maintenance maintenance(int call) {
    return strategies.get(call).maintenance();
  }

  /** The hidden column names of call {@code call}. */
  List<String> names(int call) {
    return names.get(call);
  }

  /** Whether some call is recomputed for every affected group. */
  boolean anyGroupRescan() {
    return strategies.stream().anyMatch(s -> s.maintenance() == Maintenance.GROUP_RESCAN);
  }

  /** Whether some call may make a group be recomputed (group rescan, or an extreme leaving). */
  boolean mayRescan() {
    return strategies.stream().anyMatch(s -> s.maintenance() != Maintenance.ALGEBRAIC);
  }

  /** All hidden column names, in storage order: {@value #COUNT}, then each call's. */
  public List<String> hiddenColumns() {
    List<String> all = new ArrayList<>();
    all.add(COUNT);
    names.forEach(all::addAll);
    return all;
  }

  /** The state columns of call {@code call} over the input fields {@code in}. */
  List<StateColumn> states(int call, IntFunction<String> in) {
    return strategies.get(call).stateColumns(views.get(call), in);
  }

  /** {@code CAST(COALESCE(sum(w), 0) AS bigint)}: Δ of {@value #COUNT}. */
  static String countDelta(String weightRef) {
    return "CAST(COALESCE(sum(" + weightRef + "), 0) AS bigint)";
  }

  /**
   * The SELECT list of a full computation over weighted rows: group keys and user calls as
   * {@code out}, then the hidden columns. {@code in} references the input fields, and the rows'
   * weight column {@code __pgt_w} (1 for a full computation) must be visible unqualified.
   */
  String selectList(IntFunction<String> in, List<String> out) {
    List<String> items = new ArrayList<>();
    List<Integer> gk = aggregate.groupKeys();
    for (int i = 0; i < gk.size(); i++) {
      items.add(in.apply(gk.get(i)) + " AS " + out.get(i));
    }
    for (int j = 0; j < views.size(); j++) {
      items.add(AggregateCallSql.render(aggregate.calls().get(j), in) + " AS " + out.get(gk.size() + j));
    }
    items.add(countDelta(W) + " AS " + COUNT);
    for (int j = 0; j < views.size(); j++) {
      List<StateColumn> cols = states(j, in);
      for (int s = 0; s < cols.size(); s++) {
        items.add(cols.get(s).deltaSql() + " AS " + names.get(j).get(s));
      }
    }
    return String.join(", ", items);
  }

  /** One line per call for explain: function, strategy, maintenance, state columns. */
  public String explain() {
    StringBuilder sb = new StringBuilder("aggregate state: " + COUNT);
    for (int j = 0; j < views.size(); j++) {
      AggregateStrategy s = strategies.get(j);
      sb.append("\n  call ").append(j).append(' ').append(views.get(j).functionName())
          .append(": ").append(s.getClass().getSimpleName()).append(" (")
          .append(s.maintenance().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(names.get(j).isEmpty() ? "" : "; " + String.join(", ", names.get(j))).append(')');
    }
    return sb.toString();
  }
}
