package io.pgtrickle.dvm.delta.rules.distinct;

import static io.pgtrickle.dvm.delta.rules.setop.OracleTables.oracle;

import io.pgtrickle.dvm.delta.DeltaOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The DISTINCT rule against the framework's oracle, root and below other operators. */
@PgTest
class DistinctOracleTest {
  @Test void rootDistinctWithDuplicatesAndNulls(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 20)) {
      o.check("SELECT DISTINCT g, h FROM b", 25, 6);
      o.check("SELECT DISTINCT s, f FROM k WHERE x IS NOT NULL", 25, 6);
      o.checkAfter("SELECT DISTINCT g, h FROM b", "DELETE FROM b WHERE g IS NULL", "INSERT INTO b (g) VALUES (NULL)");
      o.checkAfter("SELECT DISTINCT g, h FROM b", "DELETE FROM b");
    }
  }

  @Test void distinctBelowOtherOperators(TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 20)) {
      o.check("SELECT d.g FROM (SELECT DISTINCT g, h FROM b) d WHERE d.h IS DISTINCT FROM 'b'", 25, 6);
      o.check("SELECT d.h, k.id FROM (SELECT DISTINCT g, h FROM b) d JOIN k ON k.g = d.g", 25, 6);
    }
  }
}
