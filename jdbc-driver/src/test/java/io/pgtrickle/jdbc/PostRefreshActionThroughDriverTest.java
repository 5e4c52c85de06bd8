package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code pgtrickle.post_refresh_action} through {@code jdbc:pgtrickle:}: the driver runs the action
 * right after a REFRESH in auto-commit mode, after {@code commit()} in an explicit transaction (not
 * before), and never for a rolled-back refresh. The action is {@code analyze}; {@code reltuples}
 * shows whether it ran (-1 until a table is first analyzed).
 */
@PgTest
class PostRefreshActionThroughDriverTest {

  @Test
  void theDriverRunsTheActionAfterTheRefreshCommits(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE pra_src (id int PRIMARY KEY, g int)");
      st.execute("INSERT INTO pra_src SELECT i, i % 5 FROM generate_series(1, 100) i");
      st.execute("CREATE MATERIALIZED VIEW pra_groups WITH (pgtrickle.stream = true,"
          + " pgtrickle.post_refresh_action = 'analyze') AS"
          + " SELECT g, count(*) AS n FROM pra_src GROUP BY g");
      assertEquals("-1", reltuples(db), "not analyzed before any refresh");

      st.execute("INSERT INTO pra_src VALUES (101, 5)");
      st.execute("REFRESH MATERIALIZED VIEW pra_groups");
      assertEquals("6", reltuples(db), "auto-commit: analyzed right after the refresh");

      c.setAutoCommit(false);
      st.execute("INSERT INTO pra_src VALUES (102, 6), (103, 7)");
      st.execute("REFRESH MATERIALIZED VIEW pra_groups");
      c.rollback();
      assertEquals("6", reltuples(db), "a rolled-back refresh runs nothing");
      assertEquals("f", pending(db));

      st.execute("INSERT INTO pra_src VALUES (102, 6), (103, 7)");
      st.execute("REFRESH MATERIALIZED VIEW pra_groups");
      assertEquals("6", reltuples(db), "not before the commit");
      assertEquals("6", Connections.scalar(db, "SELECT count(*) FROM pra_groups"),
          "another session does not see the refresh yet");
      c.commit();
      assertEquals("8", reltuples(db), "after the commit");
      assertEquals("f", pending(db));
      c.setAutoCommit(true);
    }
  }

  private static String reltuples(TestDatabase db) throws SQLException {
    return Connections.scalar(db, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'pra_groups'::regclass");
  }

  private static String pending(TestDatabase db) throws SQLException {
    return Connections.scalar(db, "SELECT post_action_pending FROM pgtrickle.pgt_stream_tables"
        + " WHERE storage_name = 'pra_groups'");
  }
}
