package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * A refresh switches JIT off for its statements only (the differential delta and apply, a FULL
 * recomputation, the initial population): the caller's setting, whatever it is and however it was set,
 * is in force again afterwards, in the same transaction.
 */
@PgTest
class JitSettingTest {

  @Test
  void theCallersJitSettingSurvivesADifferentialRefresh(TestDatabase db) throws Exception {
    String query = "SELECT k, count(*) AS n, sum(v) AS s FROM jit_src GROUP BY k";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE jit_src (k int, v int)",
          "INSERT INTO jit_src SELECT i % 5, i FROM generate_series(1, 100) i");
      Ddl.run(c, Ddl.create("jit_st", query, Ddl.opt("refresh_mode", "differential")));

      Jdbc.exec(c, "SET jit = on", "SET jit_above_cost = 0");
      Jdbc.exec(c, "INSERT INTO jit_src VALUES (1, 1000), (7, NULL)");
      Ddl.run(c, Ddl.refresh("jit_st"));
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
      MultisetOracle.assertSameRows(c, "SELECT k, n, s FROM jit_st", query);

      c.setAutoCommit(false);
      Jdbc.exec(c, "SET LOCAL jit = off", "DELETE FROM jit_src WHERE k = 2");
      Ddl.run(c, Ddl.refresh("jit_st"));
      assertEquals("off", Jdbc.text(c, "SELECT current_setting('jit')"));
      Jdbc.exec(c, "SET LOCAL jit = on");
      Ddl.run(c, Ddl.refresh("jit_st"));
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
      c.commit();
      c.setAutoCommit(true);
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
      Jdbc.exec(c, "UPDATE jit_src SET v = v + 1 WHERE k = 3");
      Ddl.run(c, Ddl.refresh("jit_st"));
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
      MultisetOracle.assertSameRows(c, "SELECT k, n, s FROM jit_st", query);
    }
  }

  @Test
  void aFullRefreshAndTheInitialPopulationRunWithJitOff(TestDatabase db) throws Exception {
    // the defining query reads the jit setting it runs under
    String query = "SELECT k, current_setting('jit') AS j FROM jit_full_src";
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE jit_full_src (k int)", "INSERT INTO jit_full_src VALUES (1), (2)",
          "SET jit = on");
      Ddl.run(c, Ddl.create("jit_full_st", query, Ddl.opt("refresh_mode", "full")));
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
      assertEquals("off", Jdbc.text(c, "SELECT string_agg(DISTINCT j, ',') FROM jit_full_st"));

      c.setAutoCommit(false);
      Jdbc.exec(c, "SET LOCAL jit = on", "INSERT INTO jit_full_src VALUES (3)");
      Ddl.run(c, Ddl.refresh("jit_full_st"));
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
      assertEquals("3 off", Jdbc.text(c, "SELECT count(*) || ' ' || string_agg(DISTINCT j, ',') FROM jit_full_st"));
      c.commit();
      c.setAutoCommit(true);
      assertEquals("on", Jdbc.text(c, "SELECT current_setting('jit')"));
    }
  }
}
