package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.SourceDdlWorkload;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source DDL through the driver: {@code ALTER TABLE} / {@code DROP TABLE} sent through
 * {@code jdbc:pgtrickle:} rebuild the dependent stream tables in the same transaction (an IMMEDIATE
 * stream table keeps maintaining the very next write; no REFRESH needed), sent through plain
 * {@code jdbc:postgresql:} they are detected at the next REFRESH. Each kind of change for a
 * DIFFERENTIAL, a FULL and an IMMEDIATE stream table; then seeded random writes and the multiset
 * oracle. Also: a rolled-back application transaction takes the rename and the rebuild back, a
 * multi-statement string, and a rebuild that cannot be done (REPEATABLE READ) leaves the DDL done and
 * the stream table in status error with a warning, until the next REFRESH rebuilds it.
 *
 * <p>The seed is printed; {@code -Dpgtrickle.seed=N} replays a run.
 */
@PgTest
class SourceDdlDriverTest {

  private final long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
  private final SourceDdlWorkload workload = new SourceDdlWorkload(seed);

  enum Via { PGTRICKLE, POSTGRESQL }

  enum Change {
    ADD_COLUMN("ALTER TABLE src ADD COLUMN extra text DEFAULT 'x'", null),
    DROP_UNUSED_COLUMN("ALTER TABLE src DROP COLUMN spare", null),
    RETYPE_UNUSED_COLUMN("ALTER TABLE src ALTER COLUMN spare TYPE bigint", null),
    RETYPE_KEY_COLUMN("ALTER TABLE src ALTER COLUMN pk TYPE bigint", null),
    RENAME_COLUMN("ALTER TABLE src RENAME COLUMN v TO v2", null),
    RENAME_TABLE("ALTER TABLE src RENAME TO src2", null),
    MOVE_TABLE("ALTER TABLE src SET SCHEMA <schema>_moved", null),
    DROP_USED_COLUMN("ALTER TABLE src DROP COLUMN v", "2BP01"),
    RETYPE_USED_COLUMN("ALTER TABLE src ALTER COLUMN n TYPE float8", "0A000"),
    DROP_TABLE("DROP TABLE src", "2BP01"),
    DROP_TABLE_CASCADE("DROP TABLE src CASCADE", null);

    final String sql;
    final String refusedWith;

    Change(String sql, String refusedWith) {
      this.sql = sql;
      this.refusedWith = refusedWith;
    }

    String table(String schema) {
      return switch (this) {
        case RENAME_TABLE -> schema + ".src2";
        case MOVE_TABLE -> schema + "_moved.src";
        default -> schema + ".src";
      };
    }

    String v() {
      return this == RENAME_COLUMN ? "v2" : "v";
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String mode : List.of("differential", "full", "immediate")) {
      for (Change change : Change.values()) {
        for (Via via : Via.values()) {
          cases.add(Arguments.of(mode, change, via));
        }
      }
    }
    return cases.stream();
  }

  private static void setUp(Connection c, String schema, String mode) throws SQLException {
    Jdbc.exec(c, SourceDdlWorkload.setUp(schema, 50, 15));
    Jdbc.exec(c, "CREATE MATERIALIZED VIEW st WITH (pgtrickle.stream, pgtrickle.refresh_mode = '" + mode
        + "') AS " + query("src", "v"));
  }

  private static String query(String table, String v) {
    return SourceDdlWorkload.query(table, v);
  }

  private void round(Connection c, String mode, String table, String v, String context)
      throws SQLException {
    Jdbc.exec(c, workload.writes(table, "pk", v).toArray(String[]::new));
    if (!mode.equals("immediate")) {
      Jdbc.exec(c, "REFRESH MATERIALIZED VIEW st");
    }
    try {
      MultisetOracle.assertSameRows(c, SourceDdlWorkload.STREAM_TABLE_ROWS, query(table, v));
    } catch (AssertionError e) {
      throw new AssertionError(context + " seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private static String catalog(Connection c, String column) throws SQLException {
    return Connections.scalar(c, SourceDdlWorkload.catalogColumn(column));
  }

  private static long staleSignatures(Connection c) throws SQLException {
    return Jdbc.count(c, SourceDdlWorkload.STALE_SIGNATURES);
  }

  @ParameterizedTest(name = "{0} {1} via {2}")
  @MethodSource("cases")
  void eachKindOfChange(String mode, Change change, Via via, TestDatabase db) throws Exception {
    String schema = ("sdd_" + mode.charAt(0) + "_" + change + "_" + via).toLowerCase(Locale.ROOT);
    String context = mode + " " + change + " via " + via;
    System.out.println("SourceDdlDriverTest " + context + ": seed " + seed);
    String sql = change == Change.MOVE_TABLE
        ? "ALTER TABLE src SET SCHEMA " + schema + "_moved"
        : change.sql;
    try (Connection c = Connections.trickle(db); Connection plain = db.connect()) {
      setUp(c, schema, mode);
      Jdbc.exec(plain, "SET search_path = " + schema + ", public", "CREATE SCHEMA " + schema + "_moved");
      assertEquals(mode, catalog(c, "effective_mode"));
      round(c, mode, schema + ".src", "v", context + " before");

      Connection ddl = via == Via.PGTRICKLE ? c : plain;
      if (change.refusedWith != null) {
        SQLException e = assertThrows(SQLException.class, () -> Jdbc.exec(ddl, sql));
        assertEquals(change.refusedWith, e.getSQLState(), e.getMessage());
        round(c, mode, schema + ".src", "v", context + " after the refusal");
        return;
      }
      Jdbc.exec(ddl, sql);
      if (change == Change.DROP_TABLE_CASCADE) {
        if (via == Via.PGTRICKLE) {
          assertEquals("error", catalog(c, "status"));
        }
        SQLException e = assertThrows(SQLException.class, () -> Jdbc.exec(c, "REFRESH MATERIALIZED VIEW st"));
        assertEquals("55000", e.getSQLState());
        assertEquals("error", catalog(c, "status"));
        return;
      }
      String table = change.table(schema);
      if (via == Via.PGTRICKLE) {
        assertEquals(0, staleSignatures(c), "rebuilt by the DDL statement");
        if (mode.equals("immediate")) {
          round(c, mode, table, change.v(), context + " first write after the DDL");
        }
      } else {
        Jdbc.exec(c, "REFRESH MATERIALIZED VIEW st");
        assertEquals(0, staleSignatures(c), "rebuilt by the refresh");
      }
      assertEquals(mode, catalog(c, "effective_mode"));
      assertEquals("active", catalog(c, "status"));
      for (int i = 0; i < 3; i++) {
        round(c, mode, table, change.v(), context + " round " + i);
      }
    }
  }

  @Test
  void rolledBackTransactionTakesTheRebuildBack(TestDatabase db) throws Exception {
    try (Connection c = Connections.trickle(db)) {
      setUp(c, "sdd_rollback", "differential");
      c.setAutoCommit(false);
      Jdbc.exec(c, "ALTER TABLE src RENAME COLUMN v TO v2");
      assertEquals(0, staleSignatures(c), "rebuilt inside the application's transaction");
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(0, staleSignatures(c));
      for (int i = 0; i < 3; i++) {
        round(c, "differential", "sdd_rollback.src", "v", "after rollback round " + i);
      }
      assertEquals("differential", Connections.scalar(c, "SELECT executed_strategy FROM"
          + " pgtrickle.pgt_refresh_history ORDER BY history_id DESC LIMIT 1"));
    }
  }

  @Test
  void multiStatementStringWithRenameAndWrites(TestDatabase db) throws Exception {
    try (Connection c = Connections.trickle(db); Statement st = c.createStatement()) {
      setUp(c, "sdd_multi", "immediate");
      st.execute("INSERT INTO src VALUES (9001, 1, 'v1', 5, 0); ALTER TABLE src RENAME COLUMN v TO v2;"
          + " INSERT INTO src VALUES (9002, 2, 'v2', 6, 0), (9003, 2, NULL, 6, 0)");
      MultisetOracle.assertSameRows(c, SourceDdlWorkload.STREAM_TABLE_ROWS, query("src", "v2"));
      round(c, "immediate", "sdd_multi.src", "v2", "multi-statement");
    }
  }

  @Test
  void rebuildThatCannotBeDoneLeavesTheStreamTableInError(TestDatabase db) throws Exception {
    try (Connection c = Connections.trickle(db)) {
      setUp(c, "sdd_fail", "differential");
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      SQLWarning warning;
      try (Statement st = c.createStatement()) {
        st.execute("ALTER TABLE src RENAME COLUMN v TO v2");
        warning = st.getWarnings();
      }
      c.commit();
      c.setAutoCommit(true);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertNotNull(warning, "a warning names the stream table in error");
      while (warning != null && !warning.getMessage().contains("\"st\"")) {
        warning = warning.getNextWarning();
      }
      assertNotNull(warning);
      assertTrue(warning.getMessage().contains("renamed to v2"), warning.getMessage());
      assertEquals("error", catalog(c, "status"));
      assertTrue(catalog(c, "last_error_message").contains("renamed to v2"));
      assertEquals("full", catalog(c, "effective_mode"), "incremental maintenance removed");
      Jdbc.exec(c, "INSERT INTO src VALUES (9001, 1, 'v1', 5, 0)"); // writes to the source keep working
      Jdbc.exec(c, "REFRESH MATERIALIZED VIEW st"); // READ COMMITTED: rebuilt now
      assertEquals("active", catalog(c, "status"));
      assertEquals("differential", catalog(c, "effective_mode"));
      for (int i = 0; i < 3; i++) {
        round(c, "differential", "sdd_fail.src", "v2", "after the failed rebuild, round " + i);
      }
    }
  }
}
