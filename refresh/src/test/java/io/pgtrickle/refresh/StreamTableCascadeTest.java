package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stream tables over stream tables stay differential at every level: the capture triggers on an
 * upstream stream table record what its refresh applied, and the level above consumes exactly that.
 * Each level is checked against its own query and the top against the composed query over the base
 * table, after seeded random inserts, updates and deletes with NULLs and duplicates.
 */
@PgTest
class StreamTableCascadeTest {

  private static final String L1 = "SELECT id, g, v FROM casc_src WHERE v IS NULL OR v > 10";
  private static final String L2 = "SELECT g, count(*) AS n, sum(v) AS s FROM casc_l1 GROUP BY g";
  private static final String L3 = "SELECT g, n FROM casc_l2 WHERE n > 1";
  private static final String L4 = "SELECT x.g, x.n, y.v FROM casc_l3 x JOIN casc_l1 y ON y.g = x.g";
  private static final String COMPOSED_L3 =
      "SELECT g, count(*) AS n FROM (" + L1 + ") a GROUP BY g"
          + " HAVING count(*) > 1";

  @Test
  void aFourLevelCascadeStaysDifferential(TestDatabase db) throws Exception {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    System.out.println("StreamTableCascadeTest: seed " + seed);
    Random random = new Random(seed);
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE casc_src (id int, g int, v int)",
          "INSERT INTO casc_src SELECT i, i % 5, i FROM generate_series(1, 60) i",
          "INSERT INTO casc_src VALUES (100, NULL, 50), (100, NULL, 50), (101, 2, NULL)");
      Ddl.run(c, Ddl.create("casc_l1", L1, Ddl.opt("refresh_mode", "differential")));
      Ddl.run(c, Ddl.create("casc_l2", L2, Ddl.opt("refresh_mode", "differential")));
      Ddl.run(c, Ddl.create("casc_l3", L3, Ddl.opt("refresh_mode", "differential")));
      Ddl.run(c, Ddl.create("casc_l4", L4, Ddl.opt("refresh_mode", "differential")));
      for (int round = 0; round < 12; round++) {
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          Jdbc.exec(c, randomChange(random));
        }
        for (String st : new String[] {"casc_l1", "casc_l2", "casc_l3", "casc_l4"}) {
          Ddl.run(c, Ddl.refresh(st));
        }
        String at = "seed " + seed + " round " + round;
        check(c, at, "SELECT id, g, v FROM casc_l1", L1);
        check(c, at, "SELECT g, n, s FROM casc_l2", L2);
        check(c, at, "SELECT g, n FROM casc_l3", L3);
        check(c, at, "SELECT g, n FROM casc_l3", COMPOSED_L3);
        check(c, at, "SELECT g, n, v FROM casc_l4", L4);
      }
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h"
          + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name LIKE 'casc_l%'"
          + " AND h.initiator = 'refresh' AND h.executed_strategy <> 'differential'"));
      assertEquals(4, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name LIKE 'casc_l%' AND effective_mode = 'differential'"));
    }
  }

  private static void check(Connection c, String at, String actual, String expected)
      throws java.sql.SQLException {
    io.pgtrickle.testing.MultisetDiff diff = MultisetOracle.diff(c, actual, expected);
    assertTrue(diff.isEmpty(), at + ": " + actual + "\n" + diff.describe(10));
  }

  private static String randomChange(Random random) {
    String v = random.nextInt(6) == 0 ? "NULL" : String.valueOf(random.nextInt(40));
    String g = random.nextInt(8) == 0 ? "NULL" : String.valueOf(random.nextInt(6));
    int id = random.nextInt(70);
    return switch (random.nextInt(4)) {
      case 0 -> "INSERT INTO casc_src VALUES (" + id + ", " + g + ", " + v + "), (" + id + ", " + g
          + ", " + v + ")";
      case 1 -> "UPDATE casc_src SET v = " + v + " WHERE id = " + id;
      case 2 -> "DELETE FROM casc_src WHERE id = " + id;
      default -> "UPDATE casc_src SET g = " + g + " WHERE id % 7 = " + random.nextInt(7);
    };
  }
}
