package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Root aggregates with hidden state columns through the engine: seeded random INSERT/UPDATE/DELETE
 * batches with NULL keys and values, duplicate rows, rows moving between groups and in and out of
 * FILTER and WHERE, the MIN/MAX row of a group deleted, whole groups deleted, the table emptied
 * (cycle 9), a TRUNCATE (cycle 15, refreshed FULL by the state query), a FULL refresh forced by an
 * explicit WITH NO DATA/refresh pair (cycle 20). After every refresh the stream table's user
 * columns equal the query as a multiset (text form: numeric scales included), history says
 * {@code differential}, and the hidden columns are there exactly when some call is algebraic.
 *
 * <p>The seed is printed; {@code -Dpgtrickle.seed=N} replays a run.
 */
@PgTest
class AggregateStateTest {

  private static final int CYCLES = 24;

  private final long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
  private final Random random = new Random(seed);

  /**
   * One case.
   *
   * @param name the stream table
   * @param sources the source tables
   * @param query the defining query
   * @param hidden whether it keeps hidden state (some call algebraic or min/max at the root)
   * @param explained strategy names explain must show
   */
  record Case(String name, List<String> sources, String query, boolean hidden, List<String> explained) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("as_all", List.of("as_all_src"), "SELECT k, count(*) AS c, count(v) AS cv, sum(id) AS si,"
            + " sum(pk) AS sp, sum(n) AS sn, sum(s) AS ss, avg(id) AS ai, avg(pk) AS ap, avg(n) AS an,"
            + " min(n) AS mn, max(v) AS mx, max(id) AS mi FROM as_all_src GROUP BY k", true,
            List.of("CountStrategy (algebraic", "SumStrategy (algebraic", "AvgStrategy (algebraic",
                "MinMaxStrategy (rescan on delete")),
        new Case("as_filter", List.of("as_filter_src"), "SELECT k, count(*) FILTER (WHERE n > 20) AS cf,"
            + " sum(n) FILTER (WHERE v = 'v1') AS sf, min(id) FILTER (WHERE v IS NOT NULL) AS mf,"
            + " avg(n) FILTER (WHERE id % 2 = 0) AS af, count(n) AS cn FROM as_filter_src GROUP BY k", true,
            List.of("CountStrategy (algebraic", "SumStrategy (algebraic")),
        new Case("as_nogroup", List.of("as_nogroup_src"), "SELECT count(*) AS c, count(n) AS cn, sum(n) AS sn,"
            + " sum(id) AS si, avg(id) AS ai, max(n) AS mx, min(v) AS mv FROM as_nogroup_src", true,
            List.of("CountStrategy (algebraic")),
        new Case("as_where", List.of("as_where_src"), "SELECT v, count(*) AS c, sum(id) AS si, avg(n) AS an"
            + " FROM as_where_src WHERE n > 30 OR k IS NULL GROUP BY v", true, List.of("AvgStrategy (algebraic")),
        new Case("as_mixed", List.of("as_mixed_src"), "SELECT k, v, count(*) AS c, sum(n) AS sn,"
            + " string_agg(v, ',' ORDER BY v, id) AS sv, count(DISTINCT n) AS cdn, bool_and(n > 10) AS b,"
            + " sum(f) AS sfl FROM as_mixed_src GROUP BY k, v", true,
            List.of("CountStrategy (algebraic", "GroupRescanStrategy (group rescan")),
        new Case("as_scale", List.of("as_scale_src"), "SELECT k, sum(n / 3) AS s3, avg(n * 2) AS a2,"
            + " sum(u) AS su, avg(u) AS au, count(*) AS c FROM as_scale_src GROUP BY k", true,
            // n / 3 has no fixed scale, u is an unconstrained numeric: rescanned; n * 2 has scale 2
            List.of("call 0 sum: GroupRescanStrategy (group rescan", "call 1 avg: AvgStrategy (algebraic",
                "call 2 sum: GroupRescanStrategy", "call 3 avg: GroupRescanStrategy",
                "call 4 count: CountStrategy (algebraic")),
        new Case("as_expr", List.of("as_expr_src"), "SELECT k, sum(n * (1 - 0.05)) AS disc,"
            + " sum(n * s) AS ns, avg(n - id) AS ad, sum(-n + 1.5) AS neg, sum(n * (1 + n)) AS sq,"
            + " count(*) AS c FROM as_expr_src GROUP BY k", true,
            // TPC-H Q1's shape: +, -, * and unary minus of fixed scales keep a fixed scale
            List.of("call 0 sum: SumStrategy (algebraic", "call 1 sum: SumStrategy (algebraic",
                "call 2 avg: AvgStrategy (algebraic", "call 3 sum: SumStrategy (algebraic",
                "call 4 sum: SumStrategy (algebraic")),
        new Case("as_join", List.of("as_ja", "as_jb"), "SELECT a.k, count(*) AS c, sum(b.n) AS sn, max(b.id) AS mb"
            + " FROM as_ja a JOIN as_jb b ON a.k = b.k GROUP BY a.k", true, List.of("SumStrategy (algebraic")),
        new Case("as_perm", List.of("as_perm_src"), "SELECT sum(n) AS sn, v, count(*) AS c, k, max(id) AS mi"
            + " FROM as_perm_src GROUP BY k, v", true, List.of("SumStrategy (algebraic")),
        new Case("as_having", List.of("as_having_src"), "SELECT k, sum(n) AS sn, count(*) AS c FROM as_having_src"
            + " GROUP BY k HAVING count(*) > 2", false, List.of()),
        new Case("as_rescan", List.of("as_rescan_src"), "SELECT k, string_agg(v, ',' ORDER BY v, id) AS sv,"
            + " array_agg(id ORDER BY id) AS ids FROM as_rescan_src GROUP BY k", false, List.of()));
  }

  private int rnd(int bound) {
    return random.nextInt(bound);
  }

  private String k() {
    return rnd(7) == 0 ? "NULL" : String.valueOf(rnd(6));
  }

  private String v() {
    return rnd(5) == 0 ? "NULL" : "'v" + rnd(4) + "'";
  }

  private String n() {
    return rnd(6) == 0 ? "NULL" : String.valueOf(rnd(10_000) / 100.0);
  }

  private String u() {
    return rnd(6) == 0 ? "NULL" : (rnd(2) == 0 ? "'" + rnd(100) + "'" : "'" + rnd(10_000) / 100.0 + "'");
  }

  private String row(int id) {
    return "(" + id + ", " + k() + ", " + v() + ", " + n() + ", " + u() + ", "
        + (rnd(6) == 0 ? "NULL" : String.valueOf(rnd(1000) / 8.0)) + ", " + (rnd(6) == 0 ? "NULL" : rnd(3)) + ")";
  }

  private void seedTable(Connection c, String table) throws Exception {
    Jdbc.exec(c, "CREATE TABLE " + table + " (pk bigserial, id int, k int, v text, n numeric(8,2),"
        + " u numeric, f double precision, s smallint)");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      rows.append(i == 0 ? "" : ", ").append(row(i));
    }
    Jdbc.exec(c, "INSERT INTO " + table + " (id, k, v, n, u, f, s) VALUES " + rows,
        "INSERT INTO " + table + " (id, k, v, n, u, f, s) SELECT id, k, v, n, u, f, s FROM " + table + " WHERE id < 12");
  }

  private List<String> mutations(String table, int cycle) {
    List<String> sql = new ArrayList<>();
    String cols = " (id, k, v, n, u, f, s) ";
    if (cycle == 9) {
      sql.add("DELETE FROM " + table);
      return sql;
    }
    if (cycle == 15) {
      sql.add("TRUNCATE " + table);
    }
    for (int i = rnd(7); i > 0; i--) {
      sql.add(rnd(4) == 0
          ? "INSERT INTO " + table + cols + "SELECT id, k, v, n, u, f, s FROM " + table
              + " WHERE k IS NOT DISTINCT FROM " + k() + " LIMIT 2" // duplicates
          : "INSERT INTO " + table + cols + "VALUES " + row(100 + rnd(1_000_000)));
    }
    for (int i = rnd(5); i > 0; i--) {
      String set = switch (rnd(5)) {
        case 0 -> "k = " + k(); // rows move between groups
        case 1 -> "v = " + v();
        case 2 -> "n = " + n(); // in and out of FILTER and WHERE
        case 3 -> "u = " + u() + ", s = " + (rnd(6) == 0 ? "NULL" : rnd(3));
        default -> "id = id + " + (rnd(3) - 1);
      };
      sql.add("UPDATE " + table + " SET " + set + " WHERE ctid IN (SELECT ctid FROM " + table
          + " WHERE k IS NOT DISTINCT FROM " + k() + " LIMIT 3)");
    }
    switch (rnd(5)) {
      case 0 -> sql.add("DELETE FROM " + table + " WHERE ctid IN (SELECT DISTINCT ON (k) ctid FROM " + table
          + " ORDER BY k, n " + (rnd(2) == 0 ? "DESC" : "ASC") + " NULLS LAST, id)"); // extremes leave
      case 1 -> sql.add("DELETE FROM " + table + " WHERE k IS NOT DISTINCT FROM " + k()); // a group empties
      case 2 -> sql.add("DELETE FROM " + table + " WHERE ctid IN (SELECT DISTINCT ON (k) ctid FROM " + table
          + " ORDER BY k, id DESC, v)");
      default -> sql.add("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
          + " WHERE v IS NOT DISTINCT FROM " + v() + " LIMIT 2)");
    }
    return sql;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void userColumnsEqualTheQueryAfterEveryRefresh(Case kase, TestDatabase db) throws Exception {
    System.out.println("AggregateStateTest " + kase + ": seed " + seed);
    try (Connection c = db.connect()) {
      for (String t : kase.sources()) {
        seedTable(c, t);
      }
      Ddl.run(c, Ddl.create(kase.name(), kase.query(), Ddl.opt("refresh_mode", "differential")));
      String where = " WHERE storage_name = '" + kase.name() + "'";
      assertEquals("differential", Jdbc.text(c, "SELECT effective_mode FROM pgtrickle.pgt_stream_tables" + where));
      long hidden = Jdbc.count(c, "SELECT count(*) FROM pg_attribute WHERE attrelid = '" + kase.name()
          + "'::regclass AND attnum > 0 AND NOT attisdropped AND attname LIKE '\\_\\_pgt\\_%'");
      assertEquals(kase.hidden(), hidden > 0, "hidden columns: " + hidden);
      String explain = Jdbc.text(c, "SELECT pgtrickle.explain('" + kase.name() + "')");
      for (String e : kase.explained()) {
        assertTrue(explain.contains(e), e + " in\n" + explain);
      }
      String user = RandomizedDifferentialTest.userColumns(c, kase.name());
      MultisetOracle.assertSameRows(c, user, kase.query());
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        boolean truncated = false;
        boolean inTransaction = rnd(3) == 0;
        c.setAutoCommit(!inTransaction);
        for (String t : kase.sources()) {
          for (String sql : mutations(t, cycle)) {
            truncated |= sql.startsWith("TRUNCATE");
            Jdbc.exec(c, sql);
          }
        }
        if (inTransaction) {
          c.commit();
          c.setAutoCommit(true);
        }
        Ddl.run(c, Ddl.refresh(kase.name()));
        String context = kase + " cycle " + cycle + " seed " + seed;
        try {
          MultisetOracle.assertSameRows(c, user, kase.query());
        } catch (AssertionError e) {
          throw new AssertionError(context + ": " + e.getMessage(), e);
        }
        assertEquals(truncated ? "full" : "differential", RandomizedDifferentialTest.lastStrategy(c, kase.name()),
            context);
        if (cycle == 20) {
          // WITH NO DATA empties; the next refresh repopulates FULL through the state query
          Ddl.run(c, Ddl.refreshNoData(kase.name()));
          Ddl.run(c, Ddl.refresh(kase.name()));
          assertEquals("full", RandomizedDifferentialTest.lastStrategy(c, kase.name()), context);
          MultisetOracle.assertSameRows(c, user, kase.query());
        }
      }
    }
  }

  /** A hidden count that would go negative (the state was tampered with) makes the refresh FULL. */
  @org.junit.jupiter.api.Test
  void aCountGoingNegativeFallsBackToFull(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "as_guard_src");
      String q = "SELECT k, count(*) AS c, sum(n) AS sn FROM as_guard_src GROUP BY k";
      Ddl.run(c, Ddl.create("as_guard", q, Ddl.opt("refresh_mode", "differential")));
      c.setAutoCommit(false);
      Jdbc.exec(c, "SELECT set_config('pgtrickle.maintenance', 'on', true)",
          "UPDATE as_guard SET __pgt_count = 0, c = 0 WHERE k = 1");
      c.commit();
      c.setAutoCommit(true);
      Jdbc.exec(c, "DELETE FROM as_guard_src WHERE ctid IN (SELECT ctid FROM as_guard_src WHERE k = 1 LIMIT 1)",
          "INSERT INTO as_guard_src (id, k) VALUES (1, 1)", "DELETE FROM as_guard_src WHERE k = 1 AND id = 1");
      Ddl.run(c, Ddl.refresh("as_guard"));
      assertEquals("full", RandomizedDifferentialTest.lastStrategy(c, "as_guard"));
      MultisetOracle.assertSameRows(c, RandomizedDifferentialTest.userColumns(c, "as_guard"), q);
    }
  }

  /** ALTER to full drops the hidden columns; back to differential adds and fills them again. */
  @org.junit.jupiter.api.Test
  void hiddenColumnsFollowTheMode(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      seedTable(c, "as_mode_src");
      String q = "SELECT k, count(*) AS c, avg(n) AS an, min(v) AS mv FROM as_mode_src GROUP BY k";
      Ddl.run(c, Ddl.create("as_mode", q, Ddl.opt("refresh_mode", "differential")));
      String hidden = "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid ="
          + " 'as_mode'::regclass AND attnum > 0 AND NOT attisdropped AND attname LIKE '\\_\\_pgt\\_%'";
      assertEquals("__pgt_count,__pgt_a0_count,__pgt_a1_sum,__pgt_a1_count,__pgt_a2_min", Jdbc.text(c, hidden));
      Ddl.run(c, Ddl.alterSet("as_mode", Ddl.opt("refresh_mode", "full")));
      assertEquals(null, Jdbc.text(c, hidden));
      Jdbc.exec(c, "DELETE FROM as_mode_src WHERE k = 2");
      Ddl.run(c, Ddl.refresh("as_mode"));
      MultisetOracle.assertSameRows(c, "SELECT * FROM as_mode", q);
      Ddl.run(c, Ddl.alterSet("as_mode", Ddl.opt("refresh_mode", "differential")));
      assertEquals("__pgt_count,__pgt_a0_count,__pgt_a1_sum,__pgt_a1_count,__pgt_a2_min", Jdbc.text(c, hidden));
      Ddl.run(c, Ddl.refresh("as_mode"));
      Jdbc.exec(c, "UPDATE as_mode_src SET k = 3 WHERE k = 1", "DELETE FROM as_mode_src WHERE v = 'v2'");
      Ddl.run(c, Ddl.refresh("as_mode"));
      assertEquals("differential", RandomizedDifferentialTest.lastStrategy(c, "as_mode"));
      MultisetOracle.assertSameRows(c, RandomizedDifferentialTest.userColumns(c, "as_mode"), q);
    }
  }
}
