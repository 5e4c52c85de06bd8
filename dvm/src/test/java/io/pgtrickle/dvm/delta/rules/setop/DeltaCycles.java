package io.pgtrickle.dvm.delta.rules.setop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Randomised refresh cycles for a query over two source tables {@code t} and {@code u} (same shape:
 * {@code id} primary key, group-ish columns {@code g int, h text} with NULLs and few values, and
 * {@code x int, y numeric, s text, b bool}). Row triggers capture every change into {@code chg_t} /
 * {@code chg_u} (−1 old image, +1 new image). Each cycle runs a seeded random batch of INSERT, UPDATE
 * (rows move between groups) and DELETE (extreme rows, whole groups, sometimes the whole table), then
 * applies the delta query to the stored result {@code st} (delete |w| copies, insert w copies) and
 * checks {@code st} against the query with {@link MultisetOracle}.
 */
public final class DeltaCycles {
  private static final String COLS = "id int PRIMARY KEY, g int, h text, x int, y numeric(10,2), s text, b bool";

  private final TestDatabase db;
  private final String query;
  private final long seed;
  private final Random random;
  private int nextId = 1;

  public DeltaCycles(TestDatabase db, String query, long seed) {
    this.db = db;
    this.query = query;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Creates the sources with some rows, stores the query's result, then runs {@code cycles} cycles. */
  public void run(int cycles) throws Exception {
    System.out.println("seed " + seed + " for: " + query);
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      setUp(st);
      DeltaPlan plan = plan(c);
      // a root that keeps hidden state starts from its state query (user columns, then hidden ones)
      st.execute("CREATE TABLE st AS " + (plan.stateQuery() != null ? plan.stateQuery() : query));
      System.out.println(plan.treeText() + plan.deltaQuery() + "\nrow key " + plan.rowKey());
      for (int cycle = 1; cycle <= cycles; cycle++) {
        st.execute("TRUNCATE chg_t, chg_u");
        batch(st, "t");
        batch(st, "u");
        String context = "seed " + seed + ", cycle " + cycle + "\n" + plan.deltaQuery();
        apply(st, plan, context);
        try {
          MultisetOracle.assertSameRows(c, "SELECT " + String.join(", ",
              plan.outputColumns().stream().map(DeltaCycles::quote).toList()) + " FROM st", query);
        } catch (AssertionError e) {
          throw new AssertionError(context + "\n" + e.getMessage(), e);
        }
      }
    }
  }

  private void setUp(Statement st) throws Exception {
    st.execute("DROP TABLE IF EXISTS t, u, chg_t, chg_u, st, delta CASCADE");
    for (String tb : List.of("t", "u")) {
      st.execute("CREATE TABLE " + tb + " (" + COLS + ")");
      st.execute("CREATE INDEX ON " + tb + " (g, h)");
      st.execute("CREATE TABLE chg_" + tb + " (LIKE " + tb + ", __pgt_w int NOT NULL)");
      st.execute("CREATE OR REPLACE FUNCTION capture_" + tb + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
          + " IF TG_OP IN ('DELETE', 'UPDATE') THEN INSERT INTO chg_" + tb + " SELECT (OLD).*, -1; END IF;"
          + " IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO chg_" + tb + " SELECT (NEW).*, 1; END IF;"
          + " RETURN NULL; END $$");
      st.execute("CREATE TRIGGER capture AFTER INSERT OR UPDATE OR DELETE ON " + tb
          + " FOR EACH ROW EXECUTE FUNCTION capture_" + tb + "()");
      for (int i = 0; i < 25; i++) {
        insert(st, tb);
      }
    }
  }

  private DeltaPlan plan(Connection c) throws Exception {
    AnalysisResult r = new QueryAnalyzer().analyze(query, new JdbcCatalogReader(c));
    assertTrue(r.isSupported(), r.toString());
    SourceBindings bindings = new SourceBindings() {
      @Override public String changes(Scan scan) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < scan.columns().size(); i++) {
          cols.add(quote(scan.referenced().get(i).name()) + " AS " + quote(scan.columns().get(i).name()));
        }
        return "(SELECT " + String.join(", ", cols) + ", __pgt_w FROM chg_" + scan.relation().name() + ")";
      }

      @Override public String current(Scan scan) {
        return scan.relation().qualifiedName();
      }
    };
    return new Differentiator().differentiate((AnalysisResult.Supported) r, "\"public\".\"st\"", bindings);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** Applies the delta: exactly |w| stored copies deleted (they must exist), w copies inserted. */
  private static void apply(Statement st, DeltaPlan plan, String context) throws Exception {
    st.execute("DROP TABLE IF EXISTS delta");
    st.execute("CREATE TEMP TABLE delta AS " + plan.deltaQuery());
    List<String> cols = new ArrayList<>(plan.outputColumns().stream().map(DeltaCycles::quote).toList());
    cols.addAll(plan.hiddenColumns());
    String match = String.join(" AND ", cols.stream().map(col -> "x." + col + " IS NOT DISTINCT FROM d." + col).toList());
    long expectDeleted = longValue(st, "SELECT COALESCE(sum(-__pgt_w), 0) FROM delta WHERE __pgt_w < 0");
    int deleted = st.executeUpdate("DELETE FROM st WHERE ctid IN (SELECT x.ctid FROM (SELECT s.ctid, s.*,"
        + " row_number() OVER (PARTITION BY " + String.join(", ", cols.stream().map(col -> "s." + col).toList())
        + ") AS __rn FROM st AS s) AS x JOIN delta AS d ON " + match + " AND d.__pgt_w < 0 AND x.__rn <= -d.__pgt_w)");
    assertEquals(expectDeleted, deleted, "the delta deletes rows that are not stored\n" + context);
    st.execute("INSERT INTO st SELECT " + String.join(", ", cols.stream().map(col -> "d." + col).toList())
        + " FROM delta AS d CROSS JOIN generate_series(1, d.__pgt_w) WHERE d.__pgt_w > 0");
  }

  private static long longValue(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A random batch of changes on {@code tb}. */
  private void batch(Statement st, String tb) throws Exception {
    int ops = 1 + random.nextInt(6);
    for (int i = 0; i < ops; i++) {
      int kind = random.nextInt(100);
      if (kind < 30) {
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
          insert(st, tb);
        }
      } else if (kind < 55) {
        st.execute("UPDATE " + tb + " SET " + randomAssignments() + " WHERE id IN (SELECT id FROM " + tb
            + " ORDER BY md5(id::text || '" + random.nextInt() + "') LIMIT " + (1 + random.nextInt(3)) + ")");
      } else if (kind < 70) {
        st.execute("DELETE FROM " + tb + " WHERE id IN (SELECT id FROM " + tb + " ORDER BY md5(id::text || '"
            + random.nextInt() + "') LIMIT " + (1 + random.nextInt(3)) + ")");
      } else if (kind < 78) {
        // the extreme row of a group leaves
        st.execute("DELETE FROM " + tb + " WHERE id IN (SELECT DISTINCT ON (g) id FROM " + tb + " ORDER BY g, "
            + (random.nextBoolean() ? "x DESC NULLS LAST" : "x ASC NULLS LAST") + ", id)");
      } else if (kind < 86) {
        st.execute("DELETE FROM " + tb + " WHERE g IS NOT DISTINCT FROM " + randomG());
      } else if (kind < 90) {
        st.execute("DELETE FROM " + tb + " WHERE h IS NOT DISTINCT FROM " + randomH() + " AND g IS NOT DISTINCT FROM "
            + randomG());
      } else if (kind < 93) {
        st.execute("DELETE FROM " + tb);
      } else {
        // duplicates of existing rows under new ids
        st.execute("INSERT INTO " + tb + " SELECT " + nextId + " + row_number() OVER (ORDER BY id), g, h, x, y, s, b FROM "
            + tb + " WHERE id IN (SELECT id FROM " + tb + " ORDER BY md5(id::text || '" + random.nextInt() + "') LIMIT 3)");
        nextId += 4;
      }
    }
  }

  private void insert(Statement st, String tb) throws Exception {
    st.execute("INSERT INTO " + tb + " VALUES (" + (nextId++) + ", " + randomG() + ", " + randomH() + ", "
        + randomX() + ", " + randomY() + ", " + randomS() + ", " + randomB() + ")");
  }

  private String randomAssignments() {
    List<String> set = new ArrayList<>();
    if (random.nextBoolean()) {
      set.add("g = " + randomG());
    }
    if (random.nextInt(3) == 0) {
      set.add("h = " + randomH());
    }
    if (random.nextBoolean()) {
      set.add("x = " + randomX());
    }
    if (random.nextInt(3) == 0) {
      set.add("y = " + randomY());
    }
    if (random.nextInt(3) == 0) {
      set.add("s = " + randomS());
    }
    if (random.nextInt(3) == 0) {
      set.add("b = " + randomB());
    }
    return set.isEmpty() ? "x = " + randomX() : String.join(", ", set);
  }

  private String randomG() {
    int v = random.nextInt(7);
    return v == 6 ? "NULL" : Integer.toString(v);
  }

  private String randomH() {
    int v = random.nextInt(4);
    return v == 3 ? "NULL" : "'" + (char) ('a' + v) + "'";
  }

  private String randomX() {
    int v = random.nextInt(12);
    return v == 11 ? "NULL" : Integer.toString(v * 3 - 8);
  }

  private String randomY() {
    int v = random.nextInt(10);
    return v == 9 ? "NULL" : (v * 1.25 - 3) + "";
  }

  private String randomS() {
    int v = random.nextInt(6);
    return v == 5 ? "NULL" : "'s" + v + "'";
  }

  private String randomB() {
    int v = random.nextInt(5);
    return v == 4 ? "NULL" : v % 2 == 0 ? "true" : "false";
  }
}
