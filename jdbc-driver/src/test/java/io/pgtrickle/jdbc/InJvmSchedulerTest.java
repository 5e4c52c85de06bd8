package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgtrickle.scheduler.SharedSchedulers;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code pgtrickle.scheduler=true} runs one scheduler per database in this JVM while such connections
 * are open: a stream table with a schedule follows commits without REFRESH; the scheduler stops (and
 * marks its instance row stopped) when the last such connection closes.
 */
@PgTest
class InJvmSchedulerTest {

  @Test
  void connectionsWithThePropertyShareOneSchedulerThatStopsWithTheLast(TestDatabase db)
      throws Exception {
    Properties props = new Properties();
    props.putAll(db.properties());
    props.setProperty("pgtrickle.scheduler", "true");
    String query = "SELECT k, count(*) AS n FROM ij_src GROUP BY k";
    try (Connection first = DriverManager.getConnection(db.pgtrickleUrl(), props);
        Connection second = DriverManager.getConnection(db.pgtrickleUrl(), props);
        Statement st = first.createStatement()) {
      assertEquals(1, SharedSchedulers.running());
      st.execute("CREATE TABLE ij_src (k int)");
      st.execute("CREATE MATERIALIZED VIEW ij_st WITH (pgtrickle.stream = true, pgtrickle.schedule = '1s')"
          + " AS " + query);
      st.execute("INSERT INTO ij_src SELECT i % 4 FROM generate_series(1, 40) i");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!MultisetOracle.diff(first, "SELECT k, n FROM ij_st", query).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("ij_st not refreshed by the in-JVM scheduler within 30 s");
        }
        Thread.sleep(50);
      }
      second.close();
      assertEquals(1, SharedSchedulers.running(), "still leased by the first connection");
    }
    assertEquals(0, SharedSchedulers.running());
    assertEquals("1", Connections.scalar(db, "SELECT count(*) FROM pgtrickle.pgt_scheduler_instances"
        + " WHERE stopped_at IS NOT NULL AND refreshes > 0"));
  }

  @Test
  void aBadValueIsRefused(TestDatabase db) {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(db.pgtrickleUrl() + "?pgtrickle.scheduler=sometimes",
            db.properties()));
    assertEquals("22023", e.getSQLState());
    assertEquals(0, SharedSchedulers.running());
  }
}
