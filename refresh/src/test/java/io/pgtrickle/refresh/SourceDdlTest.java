package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.SourceDdlWorkload;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  private final SourceDdlWorkload workload = new SourceDdlWorkload(seed);

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

  private List<String> writes(Change change) {
    return workload.writes(change.table(), change.pk(), change.v());
  }

  private static void setUp(Connection c, String schema) throws SQLException {
    Jdbc.exec(c, SourceDdlWorkload.setUp(schema, 60, 20));
  }

  /** Writes, brings the stream table up to date (REFRESH unless IMMEDIATE), compares. */
  private void round(Connection c, String mode, Change change, String context) throws Exception {
    for (String sql : writes(change)) {
      Jdbc.exec(c, sql);
    }
    if (!mode.equals("immediate")) {
      Ddl.run(c, Ddl.refresh("st"));
    }
    check(c, change, context);
  }

  private void check(Connection c, Change change, String context) {
    try {
      MultisetOracle.assertSameRows(c, SourceDdlWorkload.STREAM_TABLE_ROWS,
          SourceDdlWorkload.query(change.table(), change.v()));
    } catch (AssertionError e) {
      throw new AssertionError(context + " seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private static String catalog(Connection c, String column) throws SQLException {
    return Jdbc.text(c, SourceDdlWorkload.catalogColumn(column));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void eachKindOfChange(String mode, Change change, Path path, TestDatabase db) throws Exception {
    String schema = ("sd_" + mode.charAt(0) + "_" + change + "_" + path).toLowerCase(Locale.ROOT);
    String context = mode + " " + change + " " + path;
    System.out.println("SourceDdlTest " + context + ": seed " + seed);
    try (Connection c = db.connect()) {
      setUp(c, schema);
      Ddl.run(c, Ddl.create("st", SourceDdlWorkload.query("src", "v"), Ddl.opt("refresh_mode", mode)));
      assertEquals(mode, catalog(c, "effective_mode"));
      check(c, Change.ADD_COLUMN, context + " at create");
      round(c, mode, Change.ADD_COLUMN, context + " before the change");

      if (change.refusedWith != null) {
        SQLException e = Jdbc.fails(change.refusedWith, () -> Jdbc.exec(c, change.sql));
        assertTrue(e.getMessage().contains("__pgt_def_") || e.getMessage().contains("view"),
            () -> "the refusal should name the definition view: " + e.getMessage());
        round(c, mode, Change.ADD_COLUMN, context + " after the refusal");
        return;
      }
      if (path == Path.HOOK) {
        c.setAutoCommit(false);
        Jdbc.exec(c, change.sql);
        Ddl.ENGINE.sourcesAltered(c);
        c.commit();
        c.setAutoCommit(true);
      } else {
        Jdbc.exec(c, change.sql);
      }

      if (change == Change.DROP_TABLE_CASCADE) {
        if (path == Path.HOOK) {
          assertEquals("error", catalog(c, "status"), "status after the hook");
        }
        Jdbc.exec(c, "INSERT INTO dim VALUES (100, 'after')"); // the other source keeps working
        SQLException e = Jdbc.fails("55000", () -> Ddl.run(c, Ddl.refresh("st")));
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
          Jdbc.exec(c, write);
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
      assertEquals(0L, Jdbc.count(c, SourceDdlWorkload.STALE_SIGNATURES), "stale signatures");
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
