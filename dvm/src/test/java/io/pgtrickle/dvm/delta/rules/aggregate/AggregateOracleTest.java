package io.pgtrickle.dvm.delta.rules.aggregate;

import static io.pgtrickle.dvm.delta.rules.setop.OracleTables.oracle;

import io.pgtrickle.dvm.delta.DeltaOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The aggregate rule against the framework's oracle ({@code Q(old) + ΔQ = Q(new)}), over a bag and a
 * keyed table, random windows plus the edge cases: the extreme row leaving, a group or the whole
 * table emptied, the first rows arriving in an empty table.
 */
@PgTest
class AggregateOracleTest {
  private static final int CYCLES = 25;
  private static final int CHANGES = 6;

  @Test void everyFunctionGroupedWithNullKeys(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 20)) {
      o.check("SELECT g, count(*) AS n, count(x) AS nx, sum(x) AS sx, avg(y) AS ay, min(x) AS mn, max(s) AS mx,"
          + " bool_and(f) AS ba, count(DISTINCT s) AS cds FROM b GROUP BY g", CYCLES, CHANGES);
      o.check("SELECT g, h, string_agg(s, ';' ORDER BY s DESC) AS sa, array_agg(x ORDER BY x) AS ax,"
          + " sum(y) AS sy FROM b GROUP BY g, h", CYCLES, CHANGES);
      o.check("SELECT h, g, max(id) AS mi, min(y) AS mn, string_agg(s, ',' ORDER BY id) AS sa FROM k GROUP BY h, g",
          CYCLES, CHANGES);
    }
  }

  @Test void filterClausesAndWhere(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 20)) {
      o.check("SELECT g, count(*) FILTER (WHERE f) AS cf, sum(x) FILTER (WHERE s = 'p') AS sp,"
          + " avg(y) FILTER (WHERE x > 2) AS ay FROM b WHERE h IS NOT NULL GROUP BY g", CYCLES, CHANGES);
    }
  }

  @Test void noGroupByKeepsItsOneRow(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 10)) {
      String q = "SELECT count(*) AS n, sum(x) AS sx, min(s) AS mn, avg(y) AS ay, bool_or(f) AS bo FROM b";
      o.check(q, CYCLES, CHANGES);
      o.checkAfter(q, "DELETE FROM b");
      o.checkAfter(q, "INSERT INTO b (g, h, x) VALUES (1, 'a', 5), (1, 'a', 5)");
      o.checkAfter(q, "UPDATE b SET x = NULL");
      o.check("SELECT count(*) AS n, max(x) AS mx FROM k WHERE x > 100", 10, CHANGES);
    }
  }

  @Test void extremesLeaveAndGroupsEmpty(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 25)) {
      String q = "SELECT g, min(x) AS mn, max(x) AS mx, count(*) AS n FROM b GROUP BY g";
      o.checkAfter(q, "DELETE FROM b WHERE x = (SELECT max(x) FROM b)");
      o.checkAfter(q, "DELETE FROM b WHERE x = (SELECT min(x) FROM b) AND g IS NULL");
      o.checkAfter(q, "DELETE FROM b WHERE g = 1", "UPDATE b SET g = NULL WHERE g = 2");
      o.checkAfter(q, "UPDATE b SET g = 7 WHERE g IS NULL", "INSERT INTO b (g, x) VALUES (NULL, 1)");
      o.checkAfter(q, "DELETE FROM b");
      o.checkAfter(q, "INSERT INTO b (g, x) VALUES (NULL, 1), (NULL, NULL), (1, 2)");
    }
  }

  @Test void havingAndAggregatesBelowOtherOperators(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 20)) {
      o.check("SELECT g, sum(x) AS sx FROM b GROUP BY g HAVING count(*) > 3", CYCLES, CHANGES);
      o.check("SELECT sx * 2 AS s2, g FROM (SELECT g, h, sum(x) AS sx FROM b GROUP BY g, h) a WHERE a.h = 'a'",
          CYCLES, CHANGES);
      o.check("SELECT a.g, a.n, k.id FROM (SELECT g, count(*) AS n FROM b GROUP BY g) a JOIN k ON k.g = a.g",
          CYCLES, CHANGES);
      o.check("SELECT n + 1 AS n1 FROM (SELECT count(*) AS n FROM k) a", CYCLES, CHANGES);
    }
  }
}
