package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.rules.setop.RowMatch;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import io.pgtrickle.spi.dvm.AggregateStrategy.Maintenance;
import io.pgtrickle.spi.dvm.AggregateStrategy.StateColumn;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaSql;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The SQL of the delta of a root aggregate that keeps hidden state ({@link AggregateState}; see
 * {@link AggregateDeltaRule} for the rule). CTEs:
 * <ol>
 *   <li>{@code agg_delta}: ΔR aggregated per group: Δcount, every state column's Δ, and for
 *   rescan-on-delete calls what left the group;</li>
 *   <li>{@code agg_join}: joined (LEFT) with the stored row of the group: old user and hidden values,
 *   whether the group was stored, whether it must be rescanned;</li>
 *   <li>{@code agg_old}: the stored rows of the affected groups (weight −1);</li>
 *   <li>{@code agg_merged}/{@code agg_alg}: the groups not rescanned, each state merged
 *   ({@link AggregateStrategy#merge}), visible values from the merged states
 *   ({@link AggregateStrategy#finalValue}); with GROUP BY a group whose count is 0 has no row;</li>
 *   <li>{@code agg_rescan}: the rescanned groups recomputed from the input's after-state, hidden
 *   states included;</li>
 *   <li>{@code agg}: −old ⊎ +new.</li>
 * </ol>
 * A stored count that is NULL, or a count that becomes negative, is carried into the delta as such:
 * the engine refuses such a delta and refreshes FULL.
 *
 * @param state the hidden state layout
 * @param delta the input's delta relation
 * @param after the input's after-state
 * @param inputColumns the input's column names
 * @param stored the stream table (user columns {@code output}, then the hidden columns)
 * @param output the user column names
 * @param keyNullable per group key, whether it may be NULL
 * @param cteName gives fresh CTE names from a hint
 */
record StatefulAggregateSql(AggregateState state, String delta, String after, List<String> inputColumns,
    String stored, List<String> output, List<Boolean> keyNullable, UnaryOperator<String> cteName) {

  private static final String W = DeltaContext.WEIGHT_COLUMN;
  private static final String KEY = "__pgt_k";

  DeltaSql build() {
    List<DeltaSql.Cte> ctes = new ArrayList<>();
    String deltas = cteName.apply("agg_delta");
    ctes.add(new DeltaSql.Cte(deltas, groupDeltas()));
    String joined = cteName.apply("agg_join");
    ctes.add(new DeltaSql.Cte(joined, joined(deltas)));
    List<String> all = new ArrayList<>(output);
    all.addAll(state.hiddenColumns());
    String cols = String.join(", ", all);
    String old = cteName.apply("agg_old");
    ctes.add(new DeltaSql.Cte(old, oldRows(joined)));
    StringBuilder union = new StringBuilder("SELECT " + cols + ", CAST(-1 AS bigint) AS " + W + " FROM " + old);
    if (!state.anyGroupRescan()) {
      String merged = cteName.apply("agg_merged");
      ctes.add(new DeltaSql.Cte(merged, merged(joined)));
      String alg = cteName.apply("agg_alg");
      ctes.add(new DeltaSql.Cte(alg, algebraicRows(merged)));
      union.append(" UNION ALL SELECT ").append(cols).append(", CAST(1 AS bigint) FROM ").append(alg);
    }
    if (state.mayRescan()) {
      String rescan = cteName.apply("agg_rescan");
      ctes.add(new DeltaSql.Cte(rescan, rescanned(joined)));
      union.append(" UNION ALL SELECT ").append(cols).append(", CAST(1 AS bigint) FROM ").append(rescan);
    }
    String result = cteName.apply("agg");
    ctes.add(new DeltaSql.Cte(result, union.toString()));
    return new DeltaSql(ctes, result);
  }

  private int keys() {
    return state.aggregate().groupKeys().size();
  }

  private List<String> hidden() {
    return state.hiddenColumns();
  }

  /** Alias in agg_delta of the Δ of hidden column {@code h} (index into {@link #hidden()}). */
  private static String deltaOf(int h) {
    return "__pgt_dx" + h;
  }

  /** Alias in agg_join of the stored value of hidden column {@code h}. */
  private static String oldHidden(int h) {
    return "__pgt_oh" + h;
  }

  private String groupDeltas() {
    IntFunction<String> in = i -> "d." + inputColumns.get(i);
    List<String> sel = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    List<Integer> gk = state.aggregate().groupKeys();
    for (int i = 0; i < gk.size(); i++) {
      sel.add(in.apply(gk.get(i)) + " AS " + KEY + i);
      groupBy.add(in.apply(gk.get(i)));
    }
    sel.add(AggregateState.countDelta("d." + W) + " AS " + deltaOf(0));
    int h = 1;
    for (int j = 0; j < state.calls(); j++) {
      for (StateColumn c : state.states(j, in)) {
        sel.add(c.deltaSql() + " AS " + deltaOf(h++));
      }
      if (state.maintenance(j) == Maintenance.RESCAN_ON_DELETE) {
        sel.add(state.strategy(j).leavingSql(state.view(j), in) + " AS __pgt_l" + j);
      }
    }
    return "SELECT " + String.join(", ", sel) + " FROM " + delta + " AS d"
        + (groupBy.isEmpty() ? " HAVING count(*) > 0" : " GROUP BY " + String.join(", ", groupBy));
  }

  private String joined(String deltas) {
    List<String> sel = new ArrayList<>();
    sel.add("x.*");
    sel.add("(s.ctid IS NOT NULL) AS __pgt_found");
    for (int k = 0; k < output.size(); k++) {
      sel.add("s." + output.get(k) + " AS __pgt_o" + k);
    }
    List<String> hidden = hidden();
    for (int h = 0; h < hidden.size(); h++) {
      sel.add("s." + hidden.get(h) + " AS " + oldHidden(h));
    }
    sel.add(rescanCondition() + " AS __pgt_rescan");
    int n = keys();
    String on = RowMatch.condition(RowMatch.qualify("s", output.subList(0, n)), RowMatch.positional("x." + KEY, n),
        keyNullable);
    return "SELECT " + String.join(", ", sel) + " FROM " + deltas + " AS x LEFT JOIN " + stored + " AS s ON " + on;
  }

  /** When a group must be recomputed: always with a group-rescan call, else when an extreme leaves. */
  private String rescanCondition() {
    if (state.anyGroupRescan()) {
      return "TRUE";
    }
    List<String> any = new ArrayList<>();
    for (int j = 0; j < state.calls(); j++) {
      if (state.maintenance(j) == Maintenance.RESCAN_ON_DELETE) {
        List<String> oldRefs = state.names(j).stream().map(c -> "s." + c).toList();
        any.add("(" + state.strategy(j).rescanWhen(state.view(j), "x.__pgt_l" + j, oldRefs) + ")");
      }
    }
    return any.isEmpty() ? "FALSE" : "COALESCE(" + String.join(" OR ", any) + ", FALSE)";
  }

  private String oldRows(String joined) {
    List<String> sel = new ArrayList<>();
    for (int k = 0; k < output.size(); k++) {
      sel.add("j.__pgt_o" + k + " AS " + output.get(k));
    }
    List<String> hidden = hidden();
    for (int h = 0; h < hidden.size(); h++) {
      sel.add("j." + oldHidden(h) + " AS " + hidden.get(h));
    }
    return "SELECT " + String.join(", ", sel) + " FROM " + joined + " AS j WHERE j.__pgt_found";
  }

  /** Keys, then every hidden column merged: old ⊕ Δ. A group not stored starts from nothing. */
  private String merged(String joined) {
    List<String> sel = new ArrayList<>();
    for (int i = 0; i < keys(); i++) {
      sel.add("j." + KEY + i);
    }
    // with GROUP BY a new group starts at count 0; without, the one row must be stored
    sel.add("(CASE WHEN j.__pgt_found THEN j." + oldHidden(0) + " ELSE " + (keys() > 0 ? "0" : "NULL")
        + " END + j." + deltaOf(0) + ") AS " + AggregateState.COUNT);
    int h = 1;
    for (int j = 0; j < state.calls(); j++) {
      List<StateColumn> cols = state.states(j, i -> "r.c" + i);
      for (int s = 0; s < cols.size(); s++) {
        sel.add(state.strategy(j).merge(cols.get(s), "j." + oldHidden(h), "j." + deltaOf(h)) + " AS "
            + state.names(j).get(s));
        h++;
      }
    }
    return "SELECT " + String.join(", ", sel) + " FROM " + joined + " AS j WHERE NOT j.__pgt_rescan";
  }

  private String algebraicRows(String merged) {
    List<String> sel = new ArrayList<>();
    for (int i = 0; i < keys(); i++) {
      sel.add("m." + KEY + i + " AS " + output.get(i));
    }
    for (int j = 0; j < state.calls(); j++) {
      List<String> refs = state.names(j).stream().map(c -> "m." + c).toList();
      sel.add(state.strategy(j).finalValue(state.view(j), refs) + " AS " + output.get(keys() + j));
    }
    for (String c : hidden()) {
      sel.add("m." + c);
    }
    return "SELECT " + String.join(", ", sel) + " FROM " + merged + " AS m"
        + (keys() > 0 ? " WHERE m." + AggregateState.COUNT + " IS DISTINCT FROM 0" : "");
  }

  /** The rescanned groups recomputed over the after-state (weight 1), hidden states included. */
  private String rescanned(String joined) {
    String rows = "(SELECT a.*, CAST(1 AS bigint) AS " + W + " FROM " + after + " AS a) AS r";
    String select = "SELECT " + state.selectList(i -> "r." + inputColumns.get(i), output);
    int n = keys();
    if (n == 0) {
      return select + " FROM " + rows + " HAVING EXISTS (SELECT 1 FROM " + joined + " AS j WHERE j.__pgt_rescan)";
    }
    List<String> groupBy = new ArrayList<>();
    for (int k : state.aggregate().groupKeys()) {
      groupBy.add("r." + inputColumns.get(k));
    }
    List<String> gkeys = RowMatch.positional("g." + KEY, n);
    return select + " FROM (SELECT " + String.join(", ", RowMatch.positional("j." + KEY, n)) + " FROM " + joined
        + " AS j WHERE j.__pgt_rescan) AS g JOIN " + rows + " ON " + RowMatch.condition(groupBy, gkeys, keyNullable)
        + " GROUP BY " + String.join(", ", groupBy);
  }
}
