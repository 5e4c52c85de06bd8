package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refresh modes as an application sees them through {@code jdbc:pgtrickle:}: {@code auto} falls back
 * to FULL with an {@link SQLWarning} on the statement naming the reason, {@code differential} refuses
 * the same query with 0A000, and a maintainable query under {@code auto} is refreshed differentially.
 */
@PgTest
class AutoModeThroughDriverTest {

  @BeforeAll
  static void sources(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE scores (id int PRIMARY KEY, player text, points int)");
      st.execute("INSERT INTO scores SELECT i, 'p' || (i % 7), i % 50 FROM generate_series(1, 200) i");
    }
  }

  @Test
  void autoFallsBackToFullWithAWarningNamingTheConstruct(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.execute("CREATE MATERIALIZED VIEW ranked WITH (pgtrickle.stream = true) AS"
          + " SELECT id, rank() OVER (PARTITION BY player ORDER BY points) AS r FROM scores");
      SQLWarning warning = st.getWarnings();
      assertNotNull(warning, "auto fallback must warn");
      assertEquals("01000", warning.getSQLState());
      assertTrue(warning.getMessage().contains("window function"), warning.getMessage());
      assertEquals("full", Connections.scalar(db,
          "SELECT effective_mode FROM pgtrickle.pgt_status WHERE name = 'public.ranked'"));
    }
  }

  @Test
  void differentialRefusesTheSameQueryWith0A000(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> st.execute(
          "CREATE MATERIALIZED VIEW ranked_diff WITH (pgtrickle.stream = true,"
              + " pgtrickle.refresh_mode = 'differential') AS"
              + " SELECT id, rank() OVER (ORDER BY points) AS r FROM scores"));
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().contains("window function"), e.getMessage());
      assertEquals("f", Connections.scalar(db, "SELECT to_regclass('public.ranked_diff') IS NOT NULL"));
    }
  }

  @Test
  void autoMaintainsAMaintainableQueryDifferentiallyThroughPreparedStatements(TestDatabase db)
      throws SQLException {
    String query = "SELECT player, count(*) AS n, sum(points) AS total FROM scores GROUP BY player";
    try (Connection c = Connections.trickle(db)) {
      try (PreparedStatement ps = c.prepareStatement(
          "CREATE MATERIALIZED VIEW totals WITH (pgtrickle.stream = true) AS " + query)) {
        ps.execute();
        assertNull(ps.getWarnings(), "no fallback expected");
      }
      try (Statement st = c.createStatement()) {
        st.execute("UPDATE scores SET points = points + 1 WHERE id % 3 = 0; DELETE FROM scores WHERE id > 190;"
            + " INSERT INTO scores VALUES (500, NULL, 5), (501, 'p1', NULL)");
      }
      try (PreparedStatement ps = c.prepareStatement("REFRESH MATERIALIZED VIEW totals")) {
        ps.execute();
      }
    }
    assertEquals("differential", Connections.scalar(db,
        "SELECT executed_strategy FROM pgtrickle.pgt_refresh_history h JOIN pgtrickle.pgt_status s"
            + " USING (pgt_id) WHERE s.name = 'public.totals' ORDER BY history_id DESC LIMIT 1"));
    try (Connection plain = db.connect()) {
      MultisetOracle.assertSameRows(plain, "SELECT player, n, total FROM totals", query);
    }
  }
}
