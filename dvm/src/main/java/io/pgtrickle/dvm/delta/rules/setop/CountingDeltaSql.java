package io.pgtrickle.dvm.delta.rules.setop;

import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The delta of an operator whose output multiplicity of a row is a function {@code f} of the row's
 * multiplicities in its inputs (DISTINCT, UNION, INTERSECT [ALL], EXCEPT [ALL]):
 * <pre>
 *   rows  = distinct rows of ΔA ∪ ΔB ∪ …, each with its net weights ΣΔA, ΣΔB, …  (NULLs equal)
 *   a₁    = count of the row in A₁ (an index probe), a₀ = a₁ − ΣΔA; likewise b, …
 *   Δ     = f(a₁, b₁, …) − f(a₀, b₀, …) copies of each row, where not 0
 * </pre>
 * Rows whose net weights are all 0 cannot change and are not probed. With a stored previous result
 * (root DISTINCT), {@code f₀ = [row ∈ stored]} and {@code f₁ = [row ∈ A₁]}, probing one row each.
 *
 * @param inputs the operator's inputs
 * @param multiplicity f
 * @param stored the stored previous result (columns {@code output}, a set), or empty to count
 * @param storedNullable per output column: whether it may hold NULL
 * @param output the output column names of the delta
 * @param hint CTE name hint ({@code distinct}, {@code setop})
 * @param cteName gives fresh CTE names from a hint
 */
public record CountingDeltaSql(List<Input> inputs, Multiplicity multiplicity, Optional<String> stored,
    List<Boolean> storedNullable, List<String> output, String hint, UnaryOperator<String> cteName) {

  private static final String COL = "__pgt_c";
  private static final String DW = "__pgt_dw";
  private static final String N = "__pgt_n";

  /**
   * One input.
   *
   * @param delta its delta relation
   * @param after its after-state relation
   * @param columns its column names (same count as the output)
   * @param nullable per column: whether it may hold NULL
   */
  public record Input(String delta, String after, List<String> columns, List<Boolean> nullable) {
    public Input {
      columns = List.copyOf(columns);
      nullable = List.copyOf(nullable);
    }
  }

  public CountingDeltaSql {
    inputs = List.copyOf(inputs);
    storedNullable = List.copyOf(storedNullable);
    output = List.copyOf(output);
    if (stored.isPresent() && (inputs.size() != 1 || multiplicity != Multiplicity.PRESENT_IN_ANY)) {
      throw new IllegalArgumentException("a stored result is only used for DISTINCT");
    }
  }

  /** The two CTEs: affected rows with their net weights, then the delta. */
  public DeltaSql build() {
    String rows = cteName.apply(hint + "_rows");
    String result = cteName.apply(hint);
    return new DeltaSql(List.of(new DeltaSql.Cte(rows, affectedRows()), new DeltaSql.Cte(result, delta(rows))),
        result);
  }

  private String affectedRows() {
    int width = output.size();
    List<String> cols = RowMatch.positional(COL, width);
    List<String> branches = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      List<String> sel = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        sel.add("d." + in.columns().get(c) + " AS " + cols.get(c));
      }
      for (int j = 0; j < inputs.size(); j++) {
        sel.add((j == i ? "d." + DeltaContext.WEIGHT_COLUMN : "CAST(0 AS bigint)") + " AS " + DW + j);
      }
      branches.add("SELECT " + String.join(", ", sel) + " FROM " + in.delta() + " AS d");
    }
    List<String> sums = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (int j = 0; j < inputs.size(); j++) {
      sums.add("sum(u." + DW + j + ") AS " + DW + j);
      changed.add("sum(u." + DW + j + ") <> 0");
    }
    return "SELECT " + String.join(", ", RowMatch.qualify("u", cols)) + ", " + String.join(", ", sums)
        + " FROM (" + String.join(" UNION ALL ", branches) + ") AS u GROUP BY "
        + String.join(", ", RowMatch.qualify("u", cols)) + " HAVING " + String.join(" OR ", changed);
  }

  private String delta(String rows) {
    List<String> given = RowMatch.qualify("r", RowMatch.positional(COL, output.size()));
    StringBuilder from = new StringBuilder(rows + " AS r");
    List<String> counts1 = new ArrayList<>();
    List<String> counts0 = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      String match = RowMatch.condition(RowMatch.qualify("a", in.columns()), given, in.nullable());
      String probe = "SELECT 1 FROM " + in.after() + " AS a WHERE " + match + (stored.isPresent() ? " LIMIT 1" : "");
      from.append(" CROSS JOIN LATERAL (SELECT count(*) AS ").append(N).append(" FROM (").append(probe)
          .append(") AS p) AS x").append(i);
      counts1.add("x" + i + "." + N);
      counts0.add("x" + i + "." + N + " - r." + DW + i);
    }
    String f1 = multiplicity.sql(counts1);
    String f0 = stored.map(s -> "CASE WHEN EXISTS (SELECT 1 FROM " + s + " AS s WHERE "
        + RowMatch.condition(RowMatch.qualify("s", output), given, storedNullable) + ") THEN 1 ELSE 0 END")
        .orElseGet(() -> multiplicity.sql(counts0));
    List<String> sel = new ArrayList<>();
    for (int c = 0; c < output.size(); c++) {
      sel.add("q." + COL + c + " AS " + output.get(c));
    }
    return "SELECT " + String.join(", ", sel) + ", CAST(q." + N + " AS bigint) AS " + DeltaContext.WEIGHT_COLUMN
        + " FROM (SELECT " + String.join(", ", given) + ", (" + f1 + ") - (" + f0 + ") AS " + N + " FROM " + from
        + ") AS q WHERE q." + N + " <> 0";
  }
}
