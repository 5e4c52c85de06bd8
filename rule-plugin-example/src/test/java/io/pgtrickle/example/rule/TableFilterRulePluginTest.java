package io.pgtrickle.example.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetDiff;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plugin jar is on the class path of an ordinary application using {@code jdbc:pgtrickle:}:
 * the engine finds {@link TableFilterRule} through {@link java.util.ServiceLoader}, uses it for the
 * filter over a table (its priority beats the built-in rule), leaves HAVING to the built-in filter
 * rule (the plugin declines it), and both stream tables stay equal to their queries over seeded
 * random changes with NULLs and duplicate rows.
 */
@PgTest
class TableFilterRulePluginTest {

  private static final int CYCLES = 25;

  @Test
  void theEngineUsesThePluginRuleAndStaysCorrect(TestDatabase db) throws SQLException {
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    Random random = new Random(seed);
    String hot = "SELECT id, grp, v FROM items WHERE v > 10";
    String busy = "SELECT grp, count(*) AS n FROM items GROUP BY grp HAVING count(*) > 2";
    try (Connection c = DriverManager.getConnection(db.pgtrickleUrl(), db.properties());
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE items (id int, grp text, v int)"); // no key: duplicates are real rows
      change(st, random);
      st.execute("CREATE MATERIALIZED VIEW hot WITH (pgtrickle.stream = true,"
          + " pgtrickle.refresh_mode = 'differential') AS " + hot);
      st.execute("CREATE MATERIALIZED VIEW busy WITH (pgtrickle.stream = true,"
          + " pgtrickle.refresh_mode = 'differential') AS " + busy);

      String hotPlan = text(st, "SELECT pgtrickle.explain('hot')");
      String busyPlan = text(st, "SELECT pgtrickle.explain('busy')");
      assertTrue(hotPlan.contains(TableFilterRule.CTE_HINT), "plugin rule not used:\n" + hotPlan);
      assertFalse(busyPlan.contains(TableFilterRule.CTE_HINT),
          "the plugin must decline a filter over an aggregate:\n" + busyPlan);
      assertTrue(busyPlan.contains("_filter"), "the built-in filter rule should run:\n" + busyPlan);

      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        change(st, random);
        st.execute("REFRESH MATERIALIZED VIEW hot");
        st.execute("REFRESH MATERIALIZED VIEW busy");
        String context = " (seed " + seed + ", cycle " + cycle + ")";
        MultisetDiff hotDiff = MultisetOracle.diff(c, "SELECT id, grp, v FROM hot", hot);
        assertTrue(hotDiff.isEmpty(), "hot" + context + "\n" + hotDiff);
        MultisetDiff busyDiff = MultisetOracle.diff(c, "SELECT grp, n FROM busy", busy);
        assertTrue(busyDiff.isEmpty(), "busy" + context + "\n" + busyDiff);
      }
      assertEquals("differential", text(st,
          "SELECT string_agg(DISTINCT executed_strategy, ',') FROM pgtrickle.pgt_refresh_history h"
              + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
              + " WHERE s.storage_name = 'hot' AND h.initiator = 'refresh'"));
    }
  }

  /** Inserts (with NULLs and duplicates), updates that move rows across the predicate, deletes. */
  private static void change(Statement st, Random random) throws SQLException {
    for (int i = 0; i < 8; i++) {
      String v = random.nextInt(6) == 0 ? "NULL" : Integer.toString(random.nextInt(25));
      String row = "(" + random.nextInt(40) + ", 'g" + random.nextInt(5) + "', " + v + ")";
      st.execute("INSERT INTO items VALUES " + row + (random.nextBoolean() ? ", " + row : ""));
    }
    st.execute("UPDATE items SET v = CASE WHEN v IS NULL THEN 11 WHEN v > 10 THEN NULL ELSE v + 7 END"
        + " WHERE id % 7 = " + random.nextInt(7));
    st.execute("DELETE FROM items WHERE id % 11 = " + random.nextInt(11));
  }

  private static String text(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
