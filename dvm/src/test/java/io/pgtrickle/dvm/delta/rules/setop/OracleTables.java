package io.pgtrickle.dvm.delta.rules.setop;

import static io.pgtrickle.dvm.delta.SourceTable.bag;
import static io.pgtrickle.dvm.delta.SourceTable.ints;
import static io.pgtrickle.dvm.delta.SourceTable.keyed;
import static io.pgtrickle.dvm.delta.SourceTable.numerics;
import static io.pgtrickle.dvm.delta.SourceTable.texts;

import io.pgtrickle.dvm.delta.DeltaOracle;
import io.pgtrickle.dvm.delta.SourceTable;
import io.pgtrickle.testing.TestDatabase;

/**
 * The framework's {@link DeltaOracle} over the sources the aggregate, DISTINCT and set-operation tests
 * share: a bag {@code b} (duplicates likely) and a keyed table {@code k} with the same group-ish
 * columns {@code g int, h text} (small domains, NULLs), values {@code x int}, {@code y numeric},
 * {@code s text} and {@code f boolean}.
 */
public final class OracleTables {
  private OracleTables() {}

  private static SourceTable.ColumnSpec bools(String name) {
    return new SourceTable.ColumnSpec(name, "boolean", r -> switch (r.nextInt(5)) {
      case 0 -> "NULL";
      case 1, 2 -> "true";
      default -> "false";
    });
  }

  /** An oracle with {@code b} and {@code k} created and filled with {@code rows} rows each. */
  public static DeltaOracle oracle(TestDatabase db, int rows) throws Exception {
    return new DeltaOracle(db).create(
        bag("b", ints("g", 4, 0.2), texts("h", 0.2, "a", "b"), ints("x", 6, 0.2), numerics("y", 5, 0.2),
            texts("s", 0.2, "p", "q", "r"), bools("f")),
        keyed("k", "id", ints("g", 4, 0.2), texts("h", 0.2, "a", "b"), ints("x", 6, 0.2), numerics("y", 5, 0.2),
            texts("s", 0.2, "p", "q"), bools("f")))
        .fill(rows);
  }
}
