package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.spi.dvm.InputRelations;
import java.util.List;

/**
 * The delta of "probe rows that have a match" ({@code P ⋉ O}) or "probe rows that have none"
 * ({@code P ▷ O}), each probe row with its own multiplicity, by counting matches instead of
 * materialising old states.
 *
 * <p>With {@code m₁(p)} the matches of {@code p} in {@code O₁} and {@code m₀(p) = m₁(p) − Σ} (weights
 * of the {@code ΔO} rows matching {@code p}) its matches in {@code O₀}, and {@code f(m)} = [m > 0]
 * (semi) or [m = 0] (anti), the result is {@code Σ_{p∈P} f(m(p))}. Its change over the window, using
 * {@code P₀ = P₁ − ΔP} (as multisets):
 * <pre>
 *   Σ_{p∈P₁} f(m₁(p)) − Σ_{p∈P₀} f(m₀(p))
 *     = Σ_{p∈P₁, p matches some ΔO row} (f(m₁(p)) − f(m₀(p)))   [elsewhere m₀ = m₁]
 *     + Σ_{p∈ΔP} w(p)·f(m₀(p))
 * </pre>
 * Only after-states and deltas are read; the first sum probes {@code P₁} through {@code ΔO}, so it
 * can use {@code P}'s indexes. Rows of zero weight are dropped.
 */
final class ExistenceDelta {
  private ExistenceDelta() {}

  /**
   * @param probe the side whose rows are counted
   * @param other the side probed for matches
   * @param keepMatched true for {@code P ⋉ O}, false for {@code P ▷ O}
   * @return a SELECT with the probe's columns (its own names) and the weight
   */
  static String delta(InputRelations probe, InputRelations other, Matching matching, boolean keepMatched) {
    List<String> pc = probe.columns();
    List<String> oc = other.columns();
    String otherAfter = other.after().orElseThrow();
    String m1 = matching.count(otherAfter, pc, oc) + " AS __pgt_m1";
    String dm = matching.weight(other.delta(), pc, oc) + " AS __pgt_dm";
    String flips = "SELECT " + Sql.columns("p", pc) + ", " + f("p.__pgt_m1", keepMatched) + " - "
        + f("p.__pgt_m1 - p.__pgt_dm", keepMatched) + " AS " + Sql.W + " FROM (SELECT " + Sql.columns("p", pc)
        + ", " + m1 + ", " + dm + " FROM " + probe.after().orElseThrow() + " AS p WHERE "
        + matching.any(other.delta(), pc, oc) + ") AS p";
    String changed = "SELECT " + Sql.columns("p", pc) + ", p." + Sql.W + " * "
        + f("p.__pgt_m1 - p.__pgt_dm", keepMatched) + " AS " + Sql.W + " FROM (SELECT " + Sql.columns("p", pc)
        + ", p." + Sql.W + ", " + m1 + ", " + dm + " FROM " + probe.delta() + " AS p) AS p";
    return "SELECT " + Sql.columns("x", pc) + ", x." + Sql.W + " FROM (" + flips + " UNION ALL " + changed
        + ") AS x WHERE x." + Sql.W + " <> 0";
  }

  private static String f(String matches, boolean keepMatched) {
    return "(CASE WHEN " + matches + (keepMatched ? " > 0" : " = 0") + " THEN 1 ELSE 0 END)";
  }
}
