package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The capture function pins the output settings only when a captured column is compared by its text
 * form, and every row of a statement carries the writer's xid (read once per statement).
 */
@PgTest
class CaptureFunctionSettingsTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  @Test
  void exactColumnsNeedNoPinnedOutputSettings(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE ex (id bigint PRIMARY KEY, a int, b numeric(12,2), t text)");
      SourceRelation s = Db.source(c, "ex");
      backend.ensureCapture(c, s, Set.of("a", "b", "t"));
      assertEquals("search_path=pg_catalog, pg_temp", settings(c, s));
      Jdbc.exec(c, "BEGIN", "INSERT INTO ex VALUES (1, 1, 1.5, 'x'), (2, 2, 2.5, 'y')",
          "UPDATE ex SET a = a + 1", "DELETE FROM ex WHERE id = 1");
      String xid = Db.scalar(c, "SELECT pg_current_xact_id()::text");
      Jdbc.exec(c, "COMMIT");
      assertEquals(List.of("7|1|" + xid), Db.rows(c, "SELECT count(*) || '|' || count(DISTINCT \"__pgt_xid\")"
          + " || '|' || min(\"__pgt_xid\"::text) FROM pgtrickle_changes.changes_" + s.oid()));
    }
  }

  @Test
  void aTextComparedColumnPinsThemAndStaysExactUnderTheCallersSettings(TestDatabase db)
      throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE fl (id int PRIMARY KEY, f float8)", "INSERT INTO fl VALUES (1, 0.1::float8 + 0.2::float8)");
      SourceRelation s = Db.source(c, "fl");
      backend.ensureCapture(c, s, Set.of("f"));
      assertEquals("search_path=pg_catalog, pg_temp|extra_float_digits=1|DateStyle=ISO, MDY"
          + "|IntervalStyle=postgres", settings(c, s));
      // 0.30000000000000004 → 0.3 prints the same with extra_float_digits = 0: still a change
      Jdbc.exec(c, "SET extra_float_digits = 0", "UPDATE fl SET f = 0.3", "RESET extra_float_digits");
      assertEquals(List.of("-1|0.30000000000000004", "1|0.3"), Db.buffer(c, s, "f"));
    }
  }

  private static String settings(Connection c, SourceRelation s) throws SQLException {
    return Db.scalar(c, "SELECT array_to_string(p.proconfig, '|') FROM pg_proc p JOIN pg_namespace n"
        + " ON n.oid = p.pronamespace WHERE n.nspname = 'pgtrickle_changes'"
        + " AND p.proname = 'capture_" + s.oid() + "'");
  }
}
