package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.dvm.delta.sql.AggregateCallSql;
import io.pgtrickle.dvm.delta.rules.setop.RowMatch;
import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.AggregateCall;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The SQL of the group-rescan delta of one {@link Aggregate} (see {@link AggregateDeltaRule} for the
 * rule). Four CTEs: the affected group keys, the groups' old rows, their new rows, and the delta
 * (−old, +new). Without GROUP BY the "affected group" is the single group, affected when the input
 * delta has any row.
 *
 * @param aggregate the operator
 * @param delta the input's delta relation
 * @param before the input's before-state, used for the old rows when {@code stored} is empty
 * @param after the input's after-state
 * @param inputColumns the input's column names (delta, before and after share them)
 * @param stored the stored previous result when the aggregate is the root (columns {@code output})
 * @param output the output column names of the delta
 * @param cteName gives fresh CTE names from a hint
 */
record GroupRescanSql(Aggregate aggregate, String delta, Optional<String> before, String after,
    List<String> inputColumns, Optional<String> stored, List<String> output, UnaryOperator<String> cteName) {

  private static final String KEY = "__pgt_k";

  DeltaSql build() {
    List<DeltaSql.Cte> ctes = new ArrayList<>();
    boolean grouped = !aggregate.groupKeys().isEmpty();
    String keys = null;
    if (grouped) {
      keys = cteName.apply("agg_keys");
      ctes.add(new DeltaSql.Cte(keys, affectedKeys()));
    }
    String old = cteName.apply("agg_old");
    ctes.add(new DeltaSql.Cte(old, stored.isPresent() ? storedRows(stored.get(), keys)
        : recomputed(before.orElseThrow(() -> new IllegalStateException(
            "a non-root aggregate needs its input's before-state")), keys)));
    String neu = cteName.apply("agg_new");
    ctes.add(new DeltaSql.Cte(neu, recomputed(after, keys)));
    String result = cteName.apply("agg");
    String cols = String.join(", ", output);
    ctes.add(new DeltaSql.Cte(result, "SELECT " + cols + ", CAST(-1 AS bigint) AS " + DeltaContext.WEIGHT_COLUMN
        + " FROM " + old + " UNION ALL SELECT " + cols + ", CAST(1 AS bigint) FROM " + neu));
    return new DeltaSql(ctes, result);
  }

  /** G: the distinct group keys of the input delta (NULL keys form one group, as in GROUP BY). */
  private String affectedKeys() {
    List<String> sel = new ArrayList<>();
    List<Integer> gk = aggregate.groupKeys();
    for (int i = 0; i < gk.size(); i++) {
      sel.add("d." + inputColumns.get(gk.get(i)) + " AS " + KEY + i);
    }
    return "SELECT DISTINCT " + String.join(", ", sel) + " FROM " + delta + " AS d";
  }

  /** The stored rows of the affected groups (or the single stored row when the delta is not empty). */
  private String storedRows(String relation, String keys) {
    String cols = String.join(", ", RowMatch.qualify("s", output));
    if (keys == null) {
      return "SELECT " + cols + " FROM " + relation + " AS s WHERE " + deltaNotEmpty();
    }
    int n = aggregate.groupKeys().size();
    return "SELECT " + cols + " FROM " + keys + " AS g JOIN " + relation + " AS s ON "
        + RowMatch.condition(RowMatch.qualify("s", output.subList(0, n)), RowMatch.positional("g." + KEY, n),
            keyNullability());
  }

  /** The aggregate recomputed over {@code relation} for the affected groups only. */
  private String recomputed(String relation, String keys) {
    List<String> sel = new ArrayList<>();
    List<Integer> gk = aggregate.groupKeys();
    List<String> groupBy = new ArrayList<>();
    for (int i = 0; i < gk.size(); i++) {
      String ref = "r." + inputColumns.get(gk.get(i));
      groupBy.add(ref);
      sel.add(ref + " AS " + output.get(i));
    }
    List<AggregateCall> calls = aggregate.calls();
    for (int j = 0; j < calls.size(); j++) {
      sel.add(AggregateCallSql.render(calls.get(j), i -> "r." + inputColumns.get(i)) + " AS " + output.get(gk.size() + j));
    }
    String select = "SELECT " + String.join(", ", sel);
    if (keys == null) {
      return select + " FROM " + relation + " AS r HAVING " + deltaNotEmpty();
    }
    return select + " FROM " + keys + " AS g JOIN " + relation + " AS r ON "
        + RowMatch.condition(groupBy, RowMatch.positional("g." + KEY, gk.size()), keyNullability())
        + " GROUP BY " + String.join(", ", groupBy);
  }

  private String deltaNotEmpty() {
    return "EXISTS (SELECT 1 FROM " + delta + ")";
  }

  private List<Boolean> keyNullability() {
    return aggregate.groupKeys().stream()
        .map(k -> aggregate.input().columns().get(k).type().isNullable()).toList();
  }
}
