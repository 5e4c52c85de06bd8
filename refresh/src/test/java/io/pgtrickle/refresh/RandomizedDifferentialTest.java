package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DIFFERENTIAL refresh against seeded random workloads, one test per operator family: random batches
 * of INSERT/UPDATE/DELETE with NULLs, duplicate rows, key changes, rows moving in and out of filters,
 * the table emptied, a TRUNCATE; after every refresh the stream table equals its query as a multiset,
 * and history says {@code differential} (or {@code full} for the window with the TRUNCATE).
 *
 * <p>The seed is printed; {@code -Dpgtrickle.seed=N} replays a run.
 */
@PgTest
class RandomizedDifferentialTest {

  private static final int CYCLES = 24;

  private final long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
  private final Random random = new Random(seed);

  private int rnd(int bound) {
    return random.nextInt(bound);
  }

  private String k() {
    return rnd(6) == 0 ? "NULL" : String.valueOf(rnd(8));
  }

  private String v() {
    return rnd(5) == 0 ? "NULL" : "'v" + rnd(5) + "'";
  }

  private String n() {
    return rnd(6) == 0 ? "NULL" : String.valueOf(rnd(10_000) / 100.0);
  }

  private List<String> mutations(String table, int cycle) {
    List<String> sql = new ArrayList<>();
    if (cycle == 11) {
      sql.add("DELETE FROM " + table); // emptied
      return sql;
    }
    if (cycle == 17) {
      sql.add("TRUNCATE " + table);
    }
    for (int i = rnd(8); i > 0; i--) {
      sql.add(rnd(4) == 0
          ? "INSERT INTO " + table + " (id, k, v, n) SELECT id, k, v, n FROM "
              + table + " WHERE k IS NOT DISTINCT FROM " + k() + " LIMIT 2"
          : "INSERT INTO " + table + " (id, k, v, n) VALUES (" + (100 + rnd(1_000_000)) + ", " + k()
              + ", " + v() + ", " + n() + ")");
    }
    for (int i = rnd(6); i > 0; i--) {
      String set = switch (rnd(4)) {
        case 0 -> "k = " + k();
        case 1 -> "v = " + v();
        case 2 -> "n = " + n();
        default -> rnd(2) == 0 ? "id = id + 7"
            : "pk = nextval(pg_get_serial_sequence('" + table + "', 'pk'))"; // key change
      };
      sql.add("UPDATE " + table + " SET " + set + " WHERE k IS NOT DISTINCT FROM " + k());
    }
    for (int i = rnd(4); i > 0; i--) {
      sql.add("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
          + " WHERE v IS NOT DISTINCT FROM " + v() + " LIMIT 2)");
    }
    return sql;
  }

  private void seedTable(Connection c, String table, boolean primaryKey) throws Exception {
    Jdbc.exec(c, "CREATE TABLE " + table + " (pk bigserial" + (primaryKey ? " PRIMARY KEY" : "")
        + ", id int, k int, v text, n numeric(8,2))");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      rows.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(k()).append(", ")
          .append(v()).append(", ").append(n()).append(")");
    }
    Jdbc.exec(c, "INSERT INTO " + table + " (id, k, v, n) VALUES " + rows);
    if (!primaryKey) {
      Jdbc.exec(c, "INSERT INTO " + table + " SELECT * FROM " + table + " WHERE id < 15");
    }
  }

  /** Creates {@code st} over the tables, runs the cycles, checks after each refresh. */
  private void run(TestDatabase db, String st, String query, List<String> tables) throws Exception {
    System.out.println("RandomizedDifferentialTest " + st + ": seed " + seed);
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create(st, query, Ddl.opt("refresh_mode", "differential")));
      assertEquals("differential", Jdbc.text(c,
          "SELECT effective_mode FROM pgtrickle.pgt_stream_tables WHERE storage_name = '" + st + "'"));
      MultisetOracle.assertSameRows(c, userColumns(c, st), query);
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        boolean truncated = false;
        boolean inTransaction = rnd(4) == 0;
        if (inTransaction) {
          c.setAutoCommit(false);
        }
        for (String table : tables) {
          for (String sql : mutations(table, cycle)) {
            truncated |= sql.startsWith("TRUNCATE");
            Jdbc.exec(c, sql);
          }
        }
        if (inTransaction) {
          c.commit();
          c.setAutoCommit(true);
        }
        Ddl.run(c, Ddl.refresh(st));
        String context = st + " cycle " + cycle + " seed " + seed;
        try {
          MultisetOracle.assertSameRows(c, userColumns(c, st), query);
        } catch (AssertionError e) {
          throw new AssertionError(context + ": " + e.getMessage(), e);
        }
        assertEquals(truncated ? "full" : "differential", lastStrategy(c, st), context);
      }
    }
  }

  static String userColumns(Connection c, String st) throws Exception {
    List<List<String>> cols = Jdbc.rows(c, "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)"
        + " FROM pg_attribute WHERE attrelid = '" + st + "'::regclass AND attnum > 0"
        + " AND NOT attisdropped AND attname NOT LIKE '\\_\\_pgt\\_%'");
    return "SELECT " + cols.get(0).get(0) + " FROM " + st;
  }

  static String lastStrategy(Connection c, String st) throws Exception {
    return Jdbc.text(c, "SELECT h.executed_strategy FROM pgtrickle.pgt_refresh_history h"
        + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + st + "'"
        + " ORDER BY h.history_id DESC LIMIT 1");
  }

  @Test
  void scanAndProjectOverAKeyedTable(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "sp_src", true);
    }
    run(db, "sp_st", "SELECT pk, id, k, v, n FROM sp_src", List.of("sp_src"));
  }

  @Test
  void filterWithRowsMovingInAndOut(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "f_src", true);
    }
    run(db, "f_st", "SELECT id, v, n FROM f_src WHERE k > 3 OR v IS NULL", List.of("f_src"));
  }

  @Test
  void projectExpressionsOverABagWithDuplicates(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "p_bag", false);
    }
    run(db, "p_st", "SELECT k + 1 AS k1, upper(v) AS uv, n * 2 AS n2 FROM p_bag", List.of("p_bag"));
  }

  @Test
  void unionAllOfTwoSources(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "u_a", true);
      seedTable(c, "u_b", false);
    }
    run(db, "u_st", "SELECT k, v FROM u_a WHERE n > 20 UNION ALL SELECT k, v FROM u_b",
        List.of("u_a", "u_b"));
  }

  @Test
  void innerJoinOfTwoChangingSources(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "j_a", true);
      seedTable(c, "j_b", false);
    }
    run(db, "j_st", "SELECT a.pk, a.v, b.v AS bv FROM j_a a JOIN j_b b ON a.k = b.k",
        List.of("j_a", "j_b"));
  }

  @Test
  void groupByAggregateWithNullGroups(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "g_src", false);
    }
    run(db, "g_st", "SELECT k, count(*) AS cnt, sum(n) AS total FROM g_src GROUP BY k",
        List.of("g_src"));
  }

  @Test
  void distinctOverDuplicates(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "d_src", false);
    }
    run(db, "d_st", "SELECT DISTINCT k, v FROM d_src", List.of("d_src"));
  }


  /**
   * More operator families, each over freshly seeded sources.
   *
   * @param name the stream table's name
   * @param sources the source tables, each "name" (keyless bag) or "name:pk" (with a primary key)
   */
  record Family(String name, List<String> sources, String query) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Family> moreFamilies() {
    return List.of(
        new Family("lj_st", List.of("lj_a:pk", "lj_b"),
            "SELECT a.pk, a.v, b.v AS bv, b.n AS bn FROM lj_a a LEFT JOIN lj_b b ON a.k = b.k"),
        new Family("fj_st", List.of("fj_a", "fj_b"), "SELECT a.id AS aid, b.id AS bid, a.k AS ak, b.k AS bk"
            + " FROM fj_a a FULL JOIN fj_b b ON a.k = b.k AND b.n > 10"),
        new Family("t3_st", List.of("t3_a:pk", "t3_b", "t3_c:pk"),
            "SELECT a.id, b.v, c.n FROM t3_a a JOIN t3_b b ON a.k = b.k LEFT JOIN t3_c c ON c.id = b.id"),
        new Family("se_st", List.of("se_a", "se_b"),
            "SELECT id, v FROM se_a a WHERE EXISTS (SELECT 1 FROM se_b b WHERE b.k = a.k AND b.n > 20)"),
        new Family("ni_st", List.of("ni_a", "ni_b"),
            "SELECT id, k FROM ni_a WHERE k NOT IN (SELECT k FROM ni_b WHERE n > 30)"),
        new Family("ea_st", List.of("ea_a", "ea_b"), "SELECT k, v FROM ea_a EXCEPT ALL SELECT k, v FROM ea_b"),
        new Family("id_st", List.of("id_a", "id_b:pk"), "SELECT k FROM id_a INTERSECT SELECT k FROM id_b"),
        new Family("mm_st", List.of("mm_src"), "SELECT k, min(n) AS mn, max(v) AS mx,"
            + " string_agg(v, ',' ORDER BY v, id) AS sv, avg(n) AS an FROM mm_src GROUP BY k"),
        new Family("ng_st", List.of("ng_src:pk"), "SELECT count(*) AS cnt, sum(n) AS total, max(k) AS mk FROM ng_src"));
  }

  @ParameterizedTest
  @MethodSource("moreFamilies")
  void moreOperatorFamilies(Family family, TestDatabase db) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect()) {
      for (String source : family.sources()) {
        String table = source.replace(":pk", "");
        seedTable(c, table, source.endsWith(":pk"));
        tables.add(table);
      }
    }
    run(db, family.name(), family.query(), tables);
  }
}
