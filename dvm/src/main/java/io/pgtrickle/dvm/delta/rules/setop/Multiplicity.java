package io.pgtrickle.dvm.delta.rules.setop;

import io.pgtrickle.dvm.plan.SetOp;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How many copies of a row an operator outputs, given how many copies each input holds
 * ({@code a, b, …}; n-ary operators fold left, e.g. {@code (A EXCEPT B) EXCEPT C}).
 */
public enum Multiplicity {
  /** DISTINCT and UNION: {@code [a + b + … > 0]}. */
  PRESENT_IN_ANY,
  /** INTERSECT: {@code [a > 0 ∧ b > 0 ∧ …]}. */
  PRESENT_IN_ALL,
  /** INTERSECT ALL: {@code min(a, b, …)}. */
  MIN_COUNT,
  /** EXCEPT: {@code [a > 0 ∧ b = 0 ∧ …]}. */
  FIRST_ONLY,
  /** EXCEPT ALL: {@code max(a − b − …, 0)}. */
  COUNT_DIFFERENCE;

  /** The multiplicity function of {@code op}; UNION ALL has none (it is linear). */
  public static Multiplicity of(SetOp op) {
    return switch (op.setOpKind()) {
      case UNION -> {
        if (op.all()) {
          throw new IllegalArgumentException("UNION ALL is linear: its delta is the sum of its inputs' deltas");
        }
        yield PRESENT_IN_ANY;
      }
      case INTERSECT -> op.all() ? MIN_COUNT : PRESENT_IN_ALL;
      case EXCEPT -> op.all() ? COUNT_DIFFERENCE : FIRST_ONLY;
    };
  }

  /** The multiplicity as SQL over the inputs' count expressions (numeric or bigint). */
  public String sql(List<String> counts) {
    return switch (this) {
      case PRESENT_IN_ANY -> flag("(" + String.join(" + ", counts) + ") > 0");
      case PRESENT_IN_ALL -> flag(counts.stream().map(c -> "(" + c + ") > 0").collect(Collectors.joining(" AND ")));
      case MIN_COUNT -> "LEAST(" + String.join(", ", counts) + ")";
      case FIRST_ONLY -> flag("(" + counts.get(0) + ") > 0" + counts.subList(1, counts.size()).stream()
          .map(c -> " AND (" + c + ") = 0").collect(Collectors.joining()));
      case COUNT_DIFFERENCE -> "GREATEST((" + counts.get(0) + ")" + counts.subList(1, counts.size()).stream()
          .map(c -> " - (" + c + ")").collect(Collectors.joining()) + ", 0)";
    };
  }

  private static String flag(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }
}
