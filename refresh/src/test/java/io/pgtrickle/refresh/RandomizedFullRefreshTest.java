package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * FULL refresh against a seeded random workload: tables with NULLs and duplicate rows, random
 * inserts/updates/deletes, several query shapes (filter, joins, GROUP BY with NULL keys, DISTINCT,
 * UNION ALL with duplicates, json, an aggregate without GROUP BY, a stream table over a stream table).
 * After every refresh each stream table must equal its query as a multiset, the history counts must
 * match what changed, and rows that were not deleted must still be the very same tuples (ctid, xmin).
 *
 * <p>The seed is printed on failure; {@code -Dpgtrickle.seed=N} replays a run.
 */
@PgTest
class RandomizedFullRefreshTest {

  private static final int CYCLES = 25;

  /** Stream table name → its defining query; in dependency order (upstream first). */
  private static final Map<String, String> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("r_filter", "SELECT id, name, price FROM items WHERE price > 50 OR name IS NULL");
    SHAPES.put("r_join", "SELECT i.id, i.name, c.label FROM items i JOIN cats c ON c.cat = i.cat");
    SHAPES.put("r_left_join",
        "SELECT i.id, i.cat, c.label FROM items i LEFT JOIN cats c ON c.cat = i.cat");
    SHAPES.put("r_group", "SELECT cat, count(*) AS n, sum(price) AS total, min(name) AS first_name"
        + " FROM items GROUP BY cat");
    SHAPES.put("r_distinct", "SELECT DISTINCT cat, name FROM items");
    SHAPES.put("r_union_all", "SELECT cat, name FROM items UNION ALL SELECT cat, label FROM cats");
    SHAPES.put("r_json", "SELECT id, tags, tags ->> 'k' AS k FROM items");
    SHAPES.put("r_scalar_agg",
        "SELECT count(*) AS n, sum(price) AS s, max(name) AS m FROM items WHERE cat = 3");
    SHAPES.put("r_on_stream", "SELECT cat, n FROM r_group WHERE n > 1");
  }

  private final long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
  private final Random random = new Random(seed);

  private int rnd(int bound) {
    return random.nextInt(bound);
  }

  private String name() {
    return rnd(5) == 0 ? "NULL" : "'n" + rnd(6) + "'";
  }

  private String cat() {
    return rnd(6) == 0 ? "NULL" : String.valueOf(rnd(5));
  }

  private String price() {
    return rnd(6) == 0 ? "NULL" : String.valueOf(rnd(10_000) / 100.0);
  }

  private String tags() {
    return switch (rnd(5)) {
      case 0 -> "NULL";
      case 1 -> "'{\"k\": " + rnd(3) + "}'";
      case 2 -> "'{\"k\":" + rnd(3) + "}'";
      case 3 -> "'[" + rnd(3) + ", null]'";
      default -> "'{\"k\": \"" + rnd(3) + "\", \"z\": [1,2]}'";
    };
  }

  private String itemRow() {
    return "(" + rnd(40) + ", " + cat() + ", " + name() + ", " + price() + ", " + tags() + ")";
  }

  private List<String> mutations() {
    List<String> sql = new ArrayList<>();
    for (int i = rnd(9); i > 0; i--) {
      sql.add(rnd(4) == 0
          ? "INSERT INTO items SELECT * FROM items WHERE id = " + rnd(40) + " LIMIT 1"
          : "INSERT INTO items VALUES " + itemRow());
    }
    for (int i = rnd(6); i > 0; i--) {
      String set = switch (rnd(4)) {
        case 0 -> "cat = " + cat();
        case 1 -> "name = " + name();
        case 2 -> "price = " + price();
        default -> "tags = " + tags();
      };
      sql.add("UPDATE items SET " + set + " WHERE id = " + rnd(40));
    }
    for (int i = rnd(6); i > 0; i--) {
      sql.add(rnd(2) == 0
          ? "DELETE FROM items WHERE ctid IN (SELECT ctid FROM items WHERE id = " + rnd(40) + " LIMIT 1)"
          : "DELETE FROM items WHERE id = " + rnd(40));
    }
    if (rnd(3) == 0) {
      sql.add("INSERT INTO cats VALUES (" + cat() + ", " + name() + ")");
    }
    if (rnd(4) == 0) {
      sql.add("UPDATE cats SET label = " + name() + " WHERE cat = " + rnd(5));
    }
    if (rnd(5) == 0) {
      sql.add("DELETE FROM cats WHERE ctid IN (SELECT ctid FROM cats WHERE cat = " + rnd(5)
          + " LIMIT 1)");
    }
    return sql;
  }

  @Test
  void fullRefreshMatchesTheQueryAfterEveryCycle(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE items(id int, cat int, name text, price numeric(8,2), tags json)",
          "CREATE TABLE cats(cat int, label text)");
      StringBuilder seedRows = new StringBuilder();
      for (int i = 0; i < 60; i++) {
        seedRows.append(i == 0 ? "" : ", ").append(itemRow());
      }
      Jdbc.exec(c, "INSERT INTO items VALUES " + seedRows,
          "INSERT INTO items SELECT * FROM items WHERE id < 10",
          "INSERT INTO cats VALUES (0, 'zero'), (1, 'one'), (1, 'one'), (2, NULL), (NULL, 'none'),"
              + " (3, 'three'), (4, 'four')");
      for (Map.Entry<String, String> shape : SHAPES.entrySet()) {
        Ddl.run(c, Ddl.create(shape.getKey(), shape.getValue()));
        check(c, shape.getKey(), -1);
      }
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        boolean inTransaction = rnd(4) == 0;
        boolean rollback = inTransaction && rnd(3) == 0;
        if (inTransaction) {
          c.setAutoCommit(false);
        }
        for (String sql : mutations()) {
          Jdbc.exec(c, sql);
        }
        if (rnd(8) == 0) {
          String victim = List.copyOf(SHAPES.keySet()).get(rnd(SHAPES.size()));
          Ddl.run(c, Ddl.refreshNoData(victim));
          assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM " + victim), context(cycle, victim));
        }
        Map<String, long[]> expectations = new LinkedHashMap<>();
        for (String st : SHAPES.keySet()) {
          Jdbc.exec(c, "DROP TABLE IF EXISTS pg_temp.before_" + st,
              "CREATE TEMP TABLE before_" + st + " AS SELECT ctid AS c, xmin::text AS x FROM " + st);
          long before = Jdbc.count(c, "SELECT count(*) FROM " + st);
          Ddl.run(c, Ddl.refresh(st));
          expectations.put(st, new long[] {before});
        }
        if (inTransaction) {
          if (rollback) {
            c.rollback();
          } else {
            c.commit();
          }
          c.setAutoCommit(true);
        }
        for (String st : SHAPES.keySet()) {
          check(c, st, cycle);
          if (!rollback) {
            checkWrites(c, st, expectations.get(st)[0], cycle);
          }
        }
      }
      for (String st : SHAPES.keySet()) {
        assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history h"
            + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
            + " WHERE s.storage_name = '" + st + "' AND h.status <> 'succeeded'"), context(-1, st));
      }
    }
  }

  private String context(int cycle, String st) {
    return "seed=" + seed + " (replay with -Dpgtrickle.seed=" + seed + "), cycle " + cycle
        + ", stream table " + st;
  }

  private void check(Connection c, String st, int cycle) throws Exception {
    try {
      MultisetOracle.assertSameRows(c, RandomizedDifferentialTest.userColumns(c, st), SHAPES.get(st));
    } catch (AssertionError e) {
      throw new AssertionError(context(cycle, st) + ": " + e.getMessage(), e);
    }
  }

  /** History counts match the change in size, and every row not deleted is the same tuple. */
  private void checkWrites(Connection c, String st, long before, int cycle) throws SQLException {
    List<String> last = Jdbc.rows(c, "SELECT h.rows_inserted, h.rows_deleted FROM"
        + " pgtrickle.pgt_refresh_history h JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
        + " WHERE s.storage_name = '" + st + "' ORDER BY h.history_id DESC LIMIT 1").get(0);
    long inserted = Long.parseLong(last.get(0));
    long deleted = Long.parseLong(last.get(1));
    long after = Jdbc.count(c, "SELECT count(*) FROM " + st);
    assertEquals(after, before + inserted - deleted, context(cycle, st));
    long untouched = Jdbc.count(c, "SELECT count(*) FROM " + st + " s JOIN pg_temp.before_" + st
        + " b ON b.c = s.ctid AND b.x = s.xmin::text");
    assertEquals(before - deleted, untouched, context(cycle, st) + ": rows rewritten needlessly");
  }
}
