package io.pgtrickle.benchmarks.e2e;

import java.util.List;
import java.util.Optional;

/**
 * The scenarios of the matrix. {@code src(id, g10, g1000, dim_id, amount, note)} is the changing table;
 * {@code dim(id, name, region)} is a small dimension (100 rows, 10 regions) that does not change.
 * {@code bench_delta(w, id, g10, g1000, dim_id, amount, note)} holds the batch's changes (w = -1 an old row,
 * +1 a new row), written by {@link ChangeApplier}: what the floor statements read.
 */
public final class Scenarios {
  private static final String DELETE_BY_ID =
      "DELETE FROM %F f USING (SELECT DISTINCT id FROM bench_delta WHERE w < 0) d WHERE f.id = d.id";

  private static final List<Scenario> ALL = List.of(
      new Scenario("scan", "SELECT id, g10, dim_id, amount, note FROM src", "id", List.of(DELETE_BY_ID,
          "INSERT INTO %F SELECT id, g10, dim_id, amount, note FROM bench_delta WHERE w > 0")),
      new Scenario("filter", "SELECT id, dim_id, amount FROM src WHERE amount > 500", "id", List.of(DELETE_BY_ID,
          "INSERT INTO %F SELECT id, dim_id, amount FROM bench_delta WHERE w > 0 AND amount > 500")),
      aggregate("agg_10", "g10"),
      aggregate("agg_1000", "g1000"),
      new Scenario("join", "SELECT s.id, s.amount, d.name FROM src s JOIN dim d ON d.id = s.dim_id", "id",
          List.of(DELETE_BY_ID, "INSERT INTO %F SELECT b.id, b.amount, d.name FROM bench_delta b"
              + " JOIN dim d ON d.id = b.dim_id WHERE b.w > 0")),
      new Scenario("join_agg", "SELECT d.region, count(*) AS cnt, sum(s.amount) AS total FROM src s"
          + " JOIN dim d ON d.id = s.dim_id GROUP BY d.region", "region", groupedFloor("region",
              "SELECT d.region AS k, sum(b.w) AS dc, sum(b.w * b.amount) AS ds FROM bench_delta b"
                  + " JOIN dim d ON d.id = b.dim_id GROUP BY d.region")));

  private Scenarios() {}

  /** Every scenario, in report order. */
  public static List<Scenario> all() {
    return ALL;
  }

  /** Every scenario name. */
  public static List<String> names() {
    return ALL.stream().map(Scenario::name).toList();
  }

  /** The scenario called {@code name}. */
  public static Optional<Scenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static Scenario aggregate(String name, String group) {
    return new Scenario(name, "SELECT " + group + ", count(*) AS cnt, sum(amount) AS total FROM src GROUP BY "
        + group, group, groupedFloor(group, "SELECT " + group + " AS k, sum(w) AS dc, sum(w * amount) AS ds"
            + " FROM bench_delta GROUP BY " + group));
  }

  /**
   * Update the touched groups in place, insert new groups, delete emptied ones. The first statement
   * returns (groups updated, groups inserted); an updated group counts as one row deleted and one inserted,
   * as in a stream table.
   */
  private static List<String> groupedFloor(String key, String groupedDelta) {
    return List.of(
        "WITH g AS (" + groupedDelta + "), u AS (UPDATE %F f SET cnt = f.cnt + g.dc, total = f.total + g.ds"
            + " FROM g WHERE f." + key + " = g.k RETURNING f." + key + "),"
            + " i AS (INSERT INTO %F SELECT g.k, g.dc, g.ds FROM g WHERE g.dc > 0"
            + " AND NOT EXISTS (SELECT 1 FROM u WHERE u." + key + " = g.k) RETURNING 1)"
            + " SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM i)",
        "DELETE FROM %F WHERE cnt <= 0");
  }
}
