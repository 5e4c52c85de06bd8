package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

@PgTest
class GuardTest {

  @BeforeAll
  static void setUp(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE src(a int, b text)", "INSERT INTO src VALUES (1, 'x'), (2, 'y')");
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("guarded", "SELECT a, b FROM src"));
    }
  }

  private static void assertGuarded(Connection c, String sql) {
    SQLException e = Jdbc.fails("42809", () -> Jdbc.exec(c, sql));
    assertTrue(e.getMessage().contains("cannot change stream table \"guarded\""), e.getMessage());
    assertTrue(((PSQLException) e).getServerErrorMessage().getHint().contains("REFRESH MATERIALIZED VIEW"));
  }

  @Test
  void directWritesAreRefused(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertGuarded(c, "INSERT INTO guarded VALUES (3, 'z')");
      assertGuarded(c, "UPDATE guarded SET b = 'q'");
      assertGuarded(c, "UPDATE guarded SET b = 'q' WHERE false");
      assertGuarded(c, "DELETE FROM guarded WHERE a = 1");
      assertGuarded(c, "TRUNCATE guarded");
      assertGuarded(c, "MERGE INTO guarded g USING src s ON g.a = s.a WHEN MATCHED THEN DELETE");
      SQLException copy = Jdbc.fails("42809", () -> c.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY guarded FROM STDIN", new StringReader("9\tz\n")));
      assertTrue(copy.getMessage().contains("cannot change stream table"));
      assertEquals(List.of(List.of("1", "x"), List.of("2", "y")),
          Jdbc.rows(c, "SELECT * FROM guarded ORDER BY a"));
    }
  }

  @Test
  void theBypassEndsWithTheEnginesStatement(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      Jdbc.exec(c, "INSERT INTO src VALUES (3, 'z')");
      Ddl.run(c, Ddl.refresh("guarded"));
      assertEquals("off", Jdbc.text(c, "SELECT current_setting('pgtrickle.maintenance', true)"));
      assertGuarded(c, "DELETE FROM guarded");
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(2, Jdbc.count(c, "SELECT count(*) FROM guarded"));
    }
  }
}
