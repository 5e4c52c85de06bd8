package io.pgtrickle.dvm.delta.rules.setop;

import static io.pgtrickle.dvm.delta.rules.setop.OracleTables.oracle;

import io.pgtrickle.dvm.delta.DeltaOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UNION, INTERSECT [ALL], EXCEPT [ALL] against the framework's oracle (bag against keyed table). */
@PgTest
class SetOpOracleTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT g, h FROM b UNION SELECT g, h FROM k",
      "SELECT g, h FROM b INTERSECT SELECT g, h FROM k",
      "SELECT g, h FROM b INTERSECT ALL SELECT g, h FROM k",
      "SELECT g, h FROM b EXCEPT SELECT g, h FROM k",
      "SELECT g, h FROM b EXCEPT ALL SELECT g, h FROM k",
      "SELECT g, h FROM k EXCEPT ALL SELECT g, h FROM b",
      "SELECT x, s FROM b EXCEPT ALL SELECT x, s FROM b WHERE f",
      "SELECT g FROM b INTERSECT SELECT x FROM k UNION SELECT x FROM b WHERE s = 'p'",
  })
  void oldPlusDeltaIsNew(String query, TestDatabase db) throws Exception {
    try (DeltaOracle o = oracle(db, 20)) {
      o.check(query, 25, 6);
      o.checkAfter(query, "DELETE FROM k");
      o.checkAfter(query, "INSERT INTO k (id, g, h) VALUES (100000, NULL, NULL), (100001, NULL, NULL)");
    }
  }
}
