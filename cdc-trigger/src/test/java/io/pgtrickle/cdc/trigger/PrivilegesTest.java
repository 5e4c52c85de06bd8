package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Writers need no privilege on the buffers, and nobody but their owner can read them. */
@PgTest
class PrivilegesTest {

  @Test
  void publicCannotReadBuffersButWritersAreCaptured(TestDatabase db) throws SQLException {
    String role = "pgt_writer_" + db.name();
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "DROP ROLE IF EXISTS " + role,
          "CREATE ROLE " + role + " NOLOGIN",
          "CREATE TABLE priv (id int PRIMARY KEY, a text)",
          "GRANT SELECT, INSERT, UPDATE, DELETE ON priv TO " + role);
      SourceRelation s = Db.source(c, "priv");
      new TriggerCdcBackend().ensureCapture(c, s, Set.of("a"));
      try {
        Jdbc.exec(c, "SET ROLE " + role, "INSERT INTO priv VALUES (1, 'w')", "UPDATE priv SET a = 'x'");
        SQLException denied =
            assertThrows(
                SQLException.class,
                () -> Jdbc.exec(c, "SELECT * FROM pgtrickle_changes.changes_" + s.oid()));
        assertEquals("42501", denied.getSQLState());
        Jdbc.exec(c, "RESET ROLE");
        assertEquals(List.of("-1|1|w", "1|1|w", "1|1|x"), Db.buffer(c, s, "id, a"));
        assertEquals(
            "false|false|false",
            Db.scalar(
                c,
                "SELECT has_schema_privilege('public', 'pgtrickle_changes', 'USAGE')::text || '|' ||"
                    + " has_table_privilege('public', 'pgtrickle_changes.changes_" + s.oid()
                    + "', 'SELECT')::text || '|' || has_function_privilege('public',"
                    + " 'pgtrickle_changes.capture_" + s.oid() + "()', 'EXECUTE')::text"));
      } finally {
        Jdbc.exec(c, "RESET ROLE", "DROP OWNED BY " + role, "DROP ROLE " + role);
      }
    }
  }
}
