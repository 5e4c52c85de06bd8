package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.ScalarExpression;
import io.pgtrickle.spi.dvm.InputRelations;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL pieces shared by the join rules: the inner-join delta
 * {@code ΔL⋈R₁ ⊎ L₁⋈ΔR ⊎ −(ΔL⋈ΔR)} and NULL padding of one side.
 */
final class JoinTerms {
  private JoinTerms() {}

  /**
   * {@code Δ(L⋈R) = ΔL⋈R₁ + L₁⋈ΔR − ΔL⋈ΔR}, as three UNION ALL branches. Output: left columns then
   * right columns, named {@code out}, plus the weight (the product of the joined rows' weights).
   */
  static String innerDelta(ScalarExpression condition, InputRelations left, InputRelations right, List<String> out) {
    String cond = condition.toSql(Sql.fields("l", left.columns(), "r", right.columns()));
    String cols = select(left, right, out);
    return "SELECT " + cols + ", l." + Sql.W + " AS " + Sql.W + " FROM " + left.delta() + " AS l JOIN "
        + right.after().orElseThrow() + " AS r ON " + cond
        + " UNION ALL SELECT " + cols + ", r." + Sql.W + " AS " + Sql.W + " FROM " + left.after().orElseThrow() + " AS l JOIN "
        + right.delta() + " AS r ON " + cond
        + " UNION ALL SELECT " + cols + ", -(l." + Sql.W + " * r." + Sql.W + ") AS " + Sql.W + " FROM "
        + left.delta() + " AS l JOIN " + right.delta() + " AS r ON " + cond;
  }

  /** {@code l.<left cols>, r.<right cols>} named {@code out}. */
  static String select(InputRelations left, InputRelations right, List<String> out) {
    List<String> from = new ArrayList<>();
    left.columns().forEach(c -> from.add("l." + c));
    right.columns().forEach(c -> from.add("r." + c));
    List<String> items = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      items.add(from.get(i) + " AS " + out.get(i));
    }
    return String.join(", ", items);
  }

  /**
   * The rows of {@code kept} (a relation with {@code keptSide}'s columns and the weight) padded with
   * NULLs for {@code nullSide}, typed like {@code nullSide}'s columns: a LEFT JOIN on FALSE to its
   * after state gives NULLs of exactly the right types without reading it.
   *
   * @param keptIsLeft whether the kept side's columns come first in the output
   */
  static String padded(String kept, InputRelations keptSide, InputRelations nullSide, boolean keptIsLeft,
      List<String> out) {
    InputRelations l = keptIsLeft ? keptSide : nullSide;
    InputRelations r = keptIsLeft ? nullSide : keptSide;
    String keptAlias = keptIsLeft ? "l" : "r";
    String nullAlias = keptIsLeft ? "r" : "l";
    return "SELECT " + select(l, r, out) + ", " + keptAlias + "." + Sql.W + " FROM " + kept + " AS " + keptAlias
        + " LEFT JOIN " + nullSide.after().orElseThrow() + " AS " + nullAlias + " ON FALSE";
  }
}
