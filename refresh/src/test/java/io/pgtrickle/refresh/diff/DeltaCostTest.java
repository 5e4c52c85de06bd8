package io.pgtrickle.refresh.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.PgTrickleEngine;
import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.ddl.DefinitionView;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * O(Δ): a differential refresh of a one-row change reads about as many buffers on a source of 200k
 * rows as on one of 10k rows. Measured with EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of the delta
 * materialisation and of the apply statement — shared-buffer hits + reads, not wall-clock.
 */
@PgTest
class DeltaCostTest {

  private static final PgTrickleEngine ENGINE = new PgTrickleEngine();
  private static final Pattern HIT = Pattern.compile("\"Shared Hit Blocks\": (\\d+)");
  private static final Pattern READ = Pattern.compile("\"Shared Read Blocks\": (\\d+)");

  /** Top-level buffers of one EXPLAIN ANALYZE (the first counters are the root node's totals). */
  private static long buffers(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
      rs.next();
      String json = rs.getString(1);
      Matcher hit = HIT.matcher(json);
      Matcher read = READ.matcher(json);
      assertTrue(hit.find() && read.find(), json);
      return Long.parseLong(hit.group(1)) + Long.parseLong(read.group(1));
    }
  }

  private record Cost(long materialize, long apply) {}

  private static Cost measure(TestDatabase db, String name, int rows, boolean bag) throws Exception {
    String query = bag ? "SELECT k, v FROM " + name + "_src WHERE k >= 0" : "SELECT id, k, v FROM " + name + "_src WHERE k >= 0";
    return measure(db, name, rows, "(id int " + (bag ? "" : "PRIMARY KEY") + ", k int, v text)",
        "SELECT i, i % 100, 'value ' || i", query, "v = 'changed'");
  }

  /**
   * Creates {@code name_src} with {@code columns}, fills it with {@code rows} rows of {@code select}
   * (over {@code i}), creates the stream table of {@code query} and measures the refresh of the
   * update {@code set} of one row.
   */
  private static Cost measure(TestDatabase db, String name, int rows, String columnsDdl, String select,
      String query, String set) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE " + name + "_src " + columnsDdl,
          "INSERT INTO " + name + "_src " + select + " FROM generate_series(1, " + rows + ") i",
          "ANALYZE " + name + "_src");
      ENGINE.execute(c, new CreateStreamTable(QualifiedName.unqualified(name), false, List.of(),
          List.of(OptionSetting.of("refresh_mode", "differential")), List.of(), query, true, null));
      Jdbc.exec(c, "ANALYZE " + name);
      Jdbc.exec(c, "UPDATE " + name + "_src SET " + set + " WHERE id = " + (rows / 2));
      c.setAutoCommit(false);
      StreamTableRow st = StreamTableCatalog.lockByRelid(c, relid(c, name)).orElseThrow();
      DiffState.Loaded state = DiffState.load(c, st.pgtId());
      List<Column> columns = new java.util.ArrayList<>(DefinitionView.columns(c, st.definitionViewRelid()));
      columns.addAll(HiddenColumns.of(c, st.storageSql(), state.hiddenColumns()));
      String table = DeltaMaterializer.tableName(st.pgtId());
      String upper = WindowSnapshot.upper(c, state.sources()).sql();
      long materialize = buffers(c, DeltaMaterializer.statement(table, state.deltaQuery(), columns,
          state.frontier().toSqlLiteral(), state.ownMark(), upper, state.sources()));
      Jdbc.exec(c, "ANALYZE " + table, "SELECT set_config('pgtrickle.maintenance', 'on', true)");
      RowMatch match = RowMatch.on(c, ApplyIndex.matchColumns(columns, state.rowKey()));
      String apply;
      if (state.rowKey().isEmpty()) {
        apply = BagApplier.statement(st.storageSql(), table, columns, match);
      } else {
        String w = "\"__pgt_w\"";
        List<String> groups = match.groupExpressions("d");
        String source = "SELECT DISTINCT ON (" + String.join(", ", groups) + ") d.*, (d." + w
            + " > 0) AS \"__pgt_has_new\" FROM " + table + " d WHERE d." + w + " <> 0 ORDER BY "
            + String.join(", ", groups) + ", d." + w + " DESC";
        apply = KeyedApplier.merge(st.storageSql(), source, columns, state.rowKey(), match);
      }
      long applied = buffers(c, apply);
      c.rollback();
      c.setAutoCommit(true);
      ENGINE.execute(c, new RefreshStreamTable(QualifiedName.unqualified(name), false, true, null));
      return new Cost(materialize, applied);
    }
  }

  private static long relid(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT '" + name + "'::regclass::oid")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aOneRowChangeCostsTheSameOnSmallAndLargeSources(TestDatabase db) throws Exception {
    for (boolean bag : new boolean[] {false, true}) {
      String kind = bag ? "bag" : "keyed";
      Cost small = measure(db, "cost_small_" + kind, 10_000, bag);
      Cost large = measure(db, "cost_large_" + kind, 200_000, bag);
      System.out.printf("DeltaCostTest %s: materialize %d vs %d buffers, apply %d vs %d buffers"
          + " (10k vs 200k source rows)%n", kind, small.materialize(), large.materialize(),
          small.apply(), large.apply());
      assertTrue(large.materialize() <= small.materialize() * 2 + 20,
          kind + " materialize: " + small + " vs " + large);
      assertTrue(large.apply() <= small.apply() * 2 + 20, kind + " apply: " + small + " vs " + large);
      assertTrue(large.materialize() < 200, kind + " materialize reads " + large.materialize() + " buffers");
    }
  }

  /**
   * An algebraic aggregate (1000 groups: count, sum, avg kept in hidden state) reads the changed row,
   * the one stored group row and the index, not the group's source rows: the same buffers whether a
   * group holds 10 or 200 source rows. (A group rescan would read 20 times more at 200k rows.)
   */
  @Test
  void anAlgebraicAggregateDoesNotRescanTheGroup(TestDatabase db) throws Exception {
    String columns = "(id int PRIMARY KEY, k int, x int)";
    String select = "SELECT i, i % 1000, i % 97";
    Cost small = measure(db, "agg_small", 10_000, columns, select,
        "SELECT k, count(*) AS c, sum(x) AS s, avg(x) AS a, count(x) FILTER (WHERE x > 50) AS cf"
            + " FROM agg_small_src GROUP BY k", "x = x + 1");
    Cost large = measure(db, "agg_large", 200_000, columns, select,
        "SELECT k, count(*) AS c, sum(x) AS s, avg(x) AS a, count(x) FILTER (WHERE x > 50) AS cf"
            + " FROM agg_large_src GROUP BY k", "x = x + 1");
    System.out.printf("DeltaCostTest aggregate: materialize %d vs %d buffers, apply %d vs %d buffers"
        + " (10k vs 200k source rows, 1000 groups)%n", small.materialize(), large.materialize(),
        small.apply(), large.apply());
    assertTrue(large.materialize() <= small.materialize() + 10, "materialize: " + small + " vs " + large);
    assertTrue(large.apply() <= small.apply() + 10, "apply: " + small + " vs " + large);
    assertTrue(large.materialize() < 100, "materialize reads " + large.materialize() + " buffers");
  }
}
