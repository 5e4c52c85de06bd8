package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.ScalarExpression;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.sql.SqlKind;

/**
 * When a row {@code p} of one join input (the <em>probe</em> side, whose rows are kept, padded or
 * filtered) "matches" a row {@code o} of the other: the join condition is true, or, for
 * {@code NOT IN}, the condition is not false (a NULL comparison counts as a possible match, which
 * is what makes {@code NOT IN} select nothing). Renders the match predicate and the counting
 * subqueries the existence-based rules use, always with the condition's fields in the plan's order
 * (left fields first, then right).
 *
 * <p>A one-column {@code l NOT IN (SELECT x …)} is split so that PostgreSQL can use hashes and
 * indexes: {@code l} matches every row when it is NULL, else the rows with {@code x = l} and the rows
 * with {@code x IS NULL}.
 */
final class Matching {
  private final ScalarExpression condition;
  private final boolean probeIsLeft;
  private final boolean unknownMatches;

  /**
   * @param probeIsLeft whether the probe side is the condition's left input
   * @param unknownMatches NOT IN: a NULL (unknown) condition counts as a match
   */
  Matching(ScalarExpression condition, boolean probeIsLeft, boolean unknownMatches) {
    this.condition = condition;
    this.probeIsLeft = probeIsLeft;
    this.unknownMatches = unknownMatches;
  }

  /** The match predicate between {@code p.<probe columns>} and {@code o.<other columns>}. */
  String predicate(List<String> probeColumns, List<String> otherColumns) {
    IntFunction<String> fields = probeIsLeft
        ? Sql.fields("p", probeColumns, "o", otherColumns)
        : Sql.fields("o", otherColumns, "p", probeColumns);
    String cond = condition.toSql(fields);
    return unknownMatches ? "(" + cond + ") IS NOT FALSE" : cond;
  }

  /** How many rows of {@code relation} (a state, no weights) match {@code p}: a correlated count. */
  String count(String relation, List<String> probeColumns, List<String> otherColumns) {
    return aggregate("count(*)", relation, probeColumns, otherColumns);
  }

  /** The summed weights of the rows of {@code delta} that match {@code p}. */
  String weight(String delta, List<String> probeColumns, List<String> otherColumns) {
    return aggregate("coalesce(sum(o." + Sql.W + "), 0)", delta, probeColumns, otherColumns);
  }

  private String aggregate(String agg, String relation, List<String> probeColumns, List<String> otherColumns) {
    Optional<String[]> split = singleNotIn(probeColumns, otherColumns);
    if (split.isPresent()) {
      String l = split.get()[0];
      String x = split.get()[1];
      String from = "(SELECT " + agg + " FROM " + relation + " AS o";
      return "(CASE WHEN " + l + " IS NULL THEN " + from + ") ELSE " + from + " WHERE " + x + " = " + l + ") + "
          + from + " WHERE " + x + " IS NULL) END)";
    }
    return "(SELECT " + agg + " FROM " + relation + " AS o WHERE " + predicate(probeColumns, otherColumns) + ")";
  }

  /** Whether some row of {@code relation} matches {@code p}. */
  String any(String relation, List<String> probeColumns, List<String> otherColumns) {
    Optional<String[]> split = singleNotIn(probeColumns, otherColumns);
    if (split.isPresent()) {
      String l = split.get()[0];
      String x = split.get()[1];
      String from = "EXISTS (SELECT 1 FROM " + relation + " AS o";
      return "((" + l + " IS NULL AND " + from + ")) OR " + from + " WHERE " + x + " = " + l + ") OR " + from
          + " WHERE " + x + " IS NULL))";
    }
    return "EXISTS (SELECT 1 FROM " + relation + " AS o WHERE " + predicate(probeColumns, otherColumns) + ")";
  }

  /** For {@code l NOT IN (SELECT x …)} with the probe on the left: {@code {l, o.x}} as SQL. */
  private Optional<String[]> singleNotIn(List<String> probeColumns, List<String> otherColumns) {
    int width = probeColumns.size();
    if (!unknownMatches || !probeIsLeft || !(condition.rex() instanceof RexCall call)
        || call.getKind() != SqlKind.EQUALS || call.getOperands().size() != 2
        || !(call.getOperands().get(1) instanceof RexInputRef ref) || ref.getIndex() < width
        || RelOptUtil.InputFinder.bits(call.getOperands().get(0)).asList().stream().anyMatch(i -> i >= width)) {
      return Optional.empty();
    }
    String l = new ScalarExpression(call.getOperands().get(0)).toSql(Sql.fields("p", probeColumns));
    return Optional.of(new String[] {l, "o." + otherColumns.get(ref.getIndex() - width)});
  }
}
