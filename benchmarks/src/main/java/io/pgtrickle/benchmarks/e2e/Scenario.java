package io.pgtrickle.benchmarks.e2e;

import java.util.List;

/**
 * One measured query over {@code src} (and the dimension {@code dim}), with its floor: a hand-written
 * incremental maintenance of a plain summary table from the batch's changes in {@code bench_delta}.
 *
 * @param name short name used in object names and reports
 * @param query the defining query
 * @param floorKey the floor table's key column(s), indexed (the row id, or the group key)
 * @param floorStatements the statements that apply {@code bench_delta} to table {@code floor_<name>},
 *     run in one transaction; {@code %F} stands for the floor table
 */
public record Scenario(String name, String query, String floorKey, List<String> floorStatements) {

  public Scenario {
    floorStatements = List.copyOf(floorStatements);
  }

  /** The floor statements for table {@code floorTable}. */
  public List<String> floorSql(String floorTable) {
    return floorStatements.stream().map(s -> s.replace("%F", floorTable)).toList();
  }
}
