package io.pgtrickle.benchmarks.e2e;

import java.util.List;

/**
 * One measured query, with its floor: a hand-written incremental maintenance of a plain summary table from
 * the batch's changes in the changing table's delta table.
 *
 * @param name short name used in object names and reports
 * @param source the table whose changes drive it ({@code src} or {@code lineitem}); the others never change
 * @param query the defining query
 * @param floorKey the floor table's key column(s), indexed (the row id, or the group key)
 * @param floorStatements the statements that apply the delta table to table {@code floor_<name>},
 *     run in one transaction; {@code %F} stands for the floor table
 */
public record Scenario(String name, String source, String query, String floorKey, List<String> floorStatements) {

  public Scenario {
    floorStatements = List.copyOf(floorStatements);
  }

  /** The floor statements for table {@code floorTable}. */
  public List<String> floorSql(String floorTable) {
    return floorStatements.stream().map(s -> s.replace("%F", floorTable)).toList();
  }

  /** True for the TPC-H-shaped scenarios (they need {@code lineitem}, {@code orders}, {@code customer}). */
  public boolean tpch() {
    return source.equals("lineitem");
  }
}
