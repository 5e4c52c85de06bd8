package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source DDL through the engine API: each kind of change of a source (add, drop, retype and rename a
 * column, rename and drop the table) for a DIFFERENTIAL, a FULL and an IMMEDIATE stream table, with
 * the DDL followed by the driver's hook in the same transaction ({@code sourcesAltered}) or sent
 * behind the engine's back and detected at the next refresh (or, IMMEDIATE, at the next write, which
 * fails loudly or is correct). After the change, seeded random writes (NULLs, duplicates, key changes)
 * and the multiset oracle; a DIFFERENTIAL stream table must be differential again after its rebuild.
 *
 * <p>The seed is printed; {@code -Dpgtrickle.seed=N} replays a run.
 */
@PgTest
class SourceDdlTest {

  private final long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
  private final Random random = new Random(seed);

  enum Path { HOOK, NEXT_REFRESH }

  /** A change, what PostgreSQL says to it, and the names it leaves. */
  enum Change {
    ADD_COLUMN("ALTER TABLE src ADD COLUMN extra text DEFAULT 'x'", null),
    DROP_UNUSED_COLUMN("ALTER TABLE src DROP COLUMN spare", null),
    RETYPE_UNUSED_COLUMN("ALTER TABLE src ALTER COLUMN spare TYPE bigint", null),
    RETYPE_KEY_COLUMN("ALTER TABLE src ALTER COLUMN pk TYPE bigint", null),
    DROP_KEY("ALTER TABLE src DROP CONSTRAINT src_pkey", null),
    RENAME_COLUMN("ALTER TABLE src RENAME COLUMN v TO v2", null),
    RENAME_KEY_COLUMN("ALTER TABLE src RENAME COLUMN pk TO pk2", null),
    RENAME_TABLE("ALTER TABLE src RENAME TO src2", null),
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

    String table() {
      return this == RENAME_TABLE ? "src2" : "src";
    }

    String v() {
      return this == RENAME_COLUMN ? "v2" : "v";
    }

    String pk() {
      return this == RENAME_KEY_COLUMN ? "pk2" : "pk";
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String mode : List.of("differential", "full", "immediate")) {
      for (Change change : Change.values()) {
        for (Path path : Path.values()) {
          if (change.refusedWith == null || path == Path.HOOK) {
            cases.add(Arguments.of(mode, change, path));
          }
        }
      }
    }
    return cases.stream();
  }

  private static String query(String table, String v) {
    return "SELECT s.k, d.label, s." + v + " AS v, s.n FROM " + table + " s JOIN dim d ON d.k = s.k"
        + " WHERE s." + v + " IS NOT NULL";
  }

  private String k() {
    return random.nextInt(6) == 0 ? "NULL" : String.valueOf(random.nextInt(8));
  }

  private String v() {
    return random.nextInt(5) == 0 ? "NULL" : "'v" + random.nextInt(4) + "'";
  }

  private String n() {
    return random.nextInt(5) == 0 ? "NULL" : String.valueOf(random.nextInt(1000) / 10.0);
  }

  /** Random writes to both sources: inserts (duplicates of existing rows too), updates, deletes. */
  private List<String> writes(Change change) {
    String t = change.table();
    String pk = change.pk();
    String v = change.v();
    List<String> sql = new ArrayList<>();
    for (int i = random.nextInt(5) + 1; i > 0; i--) {
      sql.add(random.nextInt(3) == 0
          ? "INSERT INTO " + t + " (" + pk + ", k, " + v + ", n) SELECT " + pk + " + 100000 + "
              + random.nextInt(1_000_000) + ", k, " + v + ", n FROM " + t + " WHERE k IS NOT DISTINCT FROM "
              + k() + " LIMIT 2"
          : "INSERT INTO " + t + " (" + pk + ", k, " + v + ", n) VALUES (" + (1000 + random.nextInt(1_000_000))
              + ", " + k() + ", " + v() + ", " + n() + ")");
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      String set = switch (random.nextInt(4)) {
        case 0 -> "k = " + k();
        case 1 -> v + " = " + v();
        case 2 -> "n = " + n();
        default -> pk + " = " + pk + " + 2000000";
      };
      sql.add("UPDATE " + t + " SET " + set + " WHERE k IS NOT DISTINCT FROM " + k());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      sql.add("DELETE FROM " + t + " WHERE " + v + " IS NOT DISTINCT FROM " + v()
          + " AND random() < 0.5");
    }
    if (random.nextInt(3) == 0) {
      sql.add("UPDATE dim SET label = CASE WHEN label IS NULL THEN 'l' || k ELSE NULL END WHERE k = "
          + random.nextInt(8));
    }
    return sql;
  }

  private static void setUp(Connection c, String schema) throws SQLException {
    Db.exec(c, "CREATE SCHEMA " + schema, "SET search_path = " + schema + ", public",
        "CREATE TABLE dim (k int PRIMARY KEY, label text)",
        "CREATE TABLE src (pk int PRIMARY KEY, k int, v text, n numeric, spare int)",
        "INSERT INTO dim SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'l' || i END"
            + " FROM generate_series(0, 6) i",
        "INSERT INTO src SELECT i, CASE WHEN i % 9 = 0 THEN NULL ELSE i % 8 END,"
            + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 3) END, i % 7, i FROM generate_series(1, 60) i",
        "INSERT INTO src SELECT pk + 500, k, v, n, spare FROM src WHERE pk < 20"); // duplicates
  }

  /** Writes, brings the stream table up to date (REFRESH unless IMMEDIATE), compares. */
  private void round(Connection c, String mode, Change change, String context) throws Exception {
    for (String sql : writes(change)) {
      Db.exec(c, sql);
    }
    if (!mode.equals("immediate")) {
      Ddl.run(c, Ddl.refresh("st"));
    }
    check(c, change, context);
  }

  private void check(Connection c, Change change, String context) {
    try {
      MultisetOracle.assertSameRows(c, "SELECT k, label, v, n FROM st", query(change.table(), change.v()));
    } catch (AssertionError e) {
      throw new AssertionError(context + " seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private static String catalog(Connection c, String column) throws SQLException {
    return Db.text(c, "SELECT " + column + " FROM pgtrickle.pgt_stream_tables"
        + " WHERE storage_relid = 'st'::regclass");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void eachKindOfChange(String mode, Change change, Path path, TestDatabase db) throws Exception {
    String schema = ("sd_" + mode.charAt(0) + "_" + change + "_" + path).toLowerCase(Locale.ROOT);
    String context = mode + " " + change + " " + path;
    System.out.println("SourceDdlTest " + context + ": seed " + seed);
    try (Connection c = db.connect()) {
      setUp(c, schema);
      Ddl.run(c, Ddl.create("st", query("src", "v"), Ddl.opt("refresh_mode", mode)));
      assertEquals(mode, catalog(c, "effective_mode"));
      check(c, Change.ADD_COLUMN, context + " at create");
      round(c, mode, Change.ADD_COLUMN, context + " before the change");

      if (change.refusedWith != null) {
        SQLException e = Db.fails(change.refusedWith, () -> Db.exec(c, change.sql));
        assertTrue(e.getMessage().contains("__pgt_def_") || e.getMessage().contains("view"),
            () -> "the refusal should name the definition view: " + e.getMessage());
        round(c, mode, Change.ADD_COLUMN, context + " after the refusal");
        return;
      }
      if (path == Path.HOOK) {
        c.setAutoCommit(false);
        Db.exec(c, change.sql);
        Ddl.ENGINE.sourcesAltered(c);
        c.commit();
        c.setAutoCommit(true);
      } else {
        Db.exec(c, change.sql);
      }

      if (change == Change.DROP_TABLE_CASCADE) {
        if (path == Path.HOOK) {
          assertEquals("error", catalog(c, "status"), "status after the hook");
        }
        Db.exec(c, "INSERT INTO dim VALUES (100, 'after')"); // the other source keeps working
        SQLException e = Db.fails("55000", () -> Ddl.run(c, Ddl.refresh("st")));
        assertTrue(e.getMessage().contains("\"st\""), e.getMessage());
        assertEquals("error", catalog(c, "status"));
        return;
      }

      if (path == Path.NEXT_REFRESH) {
        // A write behind the engine's back: it either fails loudly (capture or IMMEDIATE trigger
        // with the old names) or is maintained correctly.
        String write = writes(change).get(0);
        boolean written;
        try {
          Db.exec(c, write);
          written = true;
        } catch (SQLException e) {
          written = false;
        }
        if (written && mode.equals("immediate")) {
          check(c, change, context + " write before the rebuild");
        }
        Ddl.run(c, Ddl.refresh("st"));
      }
      check(c, change, context + " after the rebuild");
      assertEquals(mode, catalog(c, "effective_mode"), "mode after the rebuild");
      assertEquals("active", catalog(c, "status"));
      assertEquals(0L, Db.count(c, "SELECT count(*) FROM pgtrickle.pgt_dependencies d"
          + " JOIN pgtrickle.pgt_stream_tables st USING (pgt_id) WHERE st.storage_relid = 'st'::regclass"
          + " AND d.source_signature IS DISTINCT FROM"
          + " pgtrickle.source_signature(st.definition_view_relid, d.source_relid)"), "stale signatures");
      for (int i = 0; i < 4; i++) {
        round(c, mode, change, context + " round " + i);
        if (mode.equals("differential")) {
          assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "st"),
              context + " round " + i);
        }
      }
    }
  }
}
