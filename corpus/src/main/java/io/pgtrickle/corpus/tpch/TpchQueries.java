package io.pgtrickle.corpus.tpch;

import java.util.ArrayList;
import java.util.List;

/**
 * The 22 TPC-H queries in PostgreSQL syntax with the spec's validation parameters (resources
 * {@code q01.sql} … {@code q22.sql}). A trailing ORDER BY that means nothing for a stored table is left out;
 * where the query has a LIMIT, its ORDER BY stays (with a key added as tie-breaker where the spec's order
 * could tie at the limit, so the result is deterministic). Q15's view is a CTE.
 */
public final class TpchQueries {

  /** One query: its name ({@code q01}…) and its SQL. */
  public record Query(String name, String sql) {
    @Override
    public String toString() {
      return name;
    }
  }

  private TpchQueries() {}

  public static List<Query> all(TpchScale scale) {
    List<Query> queries = new ArrayList<>();
    for (int i = 1; i <= 22; i++) {
      String name = String.format("q%02d", i);
      String sql = TpchLoader.resource(name + ".sql").strip().replace("${FRACTION}", scale.q11Fraction());
      queries.add(new Query(name, sql));
    }
    return List.copyOf(queries);
  }
}
