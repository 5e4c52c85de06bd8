package io.pgtrickle.dvm.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opentest4j.AssertionFailedError;

/**
 * The rule-level oracle: {@code Q(old) + ΔQ = Q(new)} on a real PostgreSQL.
 *
 * <p>Create source tables ({@link #create}; each gets a capture trigger into a weighted change
 * table), fill them ({@link #fill}), then {@link #check} a query: the query's result is copied into a
 * result table (the "stream table"), and in every cycle a random DML transaction runs on the sources
 * (or given statements, {@link #checkAfter}), the {@link Differentiator}'s delta query is run with
 * the scans bound to the live tables and the change tables, the delta is applied to the result table
 * (delete −w copies of each negative row, asserting they exist; insert w copies of each positive
 * row), and {@link MultisetOracle} asserts the result table equals the query on the new state.
 * The delta is also checked to be consolidated (one row per content, no zero weight).
 *
 * <p>Seeded: {@code -Dpgt.seed=N} replays a run; every failure message carries the seed.
 */
public final class DeltaOracle implements AutoCloseable {
  private static final String RESULT = "__pgt_result";
  private static final java.util.concurrent.atomic.AtomicInteger SCHEMAS = new java.util.concurrent.atomic.AtomicInteger();

  private final Connection connection;
  private final long seed;
  private final Random random;
  private final RandomDml dml;
  private final ChangeCapture capture = new ChangeCapture();
  private final List<SourceTable> tables = new ArrayList<>();
  private final Differentiator differentiator = new Differentiator();
  private final String schema;
  private int cyclesRun;

  /** An oracle on {@code db}, seeded from {@code -Dpgt.seed} or the clock (printed). */
  public DeltaOracle(TestDatabase db) throws SQLException {
    this(db, Long.getLong("pgt.seed", System.nanoTime()));
  }

  /** An oracle on {@code db} with a fixed seed. */
  public DeltaOracle(TestDatabase db, long seed) throws SQLException {
    this.connection = db.connect();
    this.seed = seed;
    this.random = new Random(seed);
    this.dml = new RandomDml(random);
    this.schema = "oracle_" + SCHEMAS.incrementAndGet();
    // JIT compiling every delta query (row estimates of never-analysed tables are large) costs
    // seconds per statement here and says nothing about correctness.
    execute("CREATE SCHEMA " + schema, "SET search_path = " + schema + ", public", "SET jit = off");
    System.out.println("DeltaOracle seed=" + seed + " (replay with -Dpgt.seed=" + seed + ")");
  }

  /** The seed of this run. */
  public long seed() {
    return seed;
  }

  /** The schema holding this oracle's tables (first on the connection's search path). */
  public String schema() {
    return schema;
  }

  /** The connection (autocommit), e.g. for extra setup statements. */
  public Connection connection() {
    return connection;
  }

  /** Creates the tables, with capture. */
  public DeltaOracle create(SourceTable... sources) throws SQLException {
    for (SourceTable t : sources) {
      capture.create(connection, t);
      tables.add(t);
    }
    return this;
  }

  /** Inserts {@code rows} random rows into every table. */
  public DeltaOracle fill(int rows) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (SourceTable t : tables) {
        dml.insert(st, t, rows);
      }
    }
    return this;
  }

  /** Runs statements (autocommit), e.g. to add specific rows. */
  public DeltaOracle execute(String... sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
    return this;
  }

  /** Analyses and differentiates {@code query} against the current schema. */
  public DeltaPlan plan(String query) throws SQLException, UnsupportedQueryException {
    AnalysisResult result = new QueryAnalyzer().analyze(query, new JdbcCatalogReader(connection));
    if (!(result instanceof AnalysisResult.Supported supported)) {
      throw new UnsupportedQueryException(((AnalysisResult.Unsupported) result).reason());
    }
    return differentiator.differentiate(supported, PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(RESULT), capture.bindings());
  }

  /**
   * {@code cycles} random windows of {@code changesPerCycle} changes each (one transaction per
   * window), checking after each that the maintained result equals {@code query}.
   */
  public void check(String query, int cycles, int changesPerCycle) throws Exception {
    DeltaPlan plan = start(query);
    for (int i = 0; i < cycles; i++) {
      connection.setAutoCommit(false);
      try {
        int n = 1 + random.nextInt(changesPerCycle);
        for (int k = 0; k < n; k++) {
          dml.change(connection, tables);
        }
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
      verify(query, plan, "random cycle " + i);
    }
  }

  /** One window made of {@code statements} (one transaction), then the check. */
  public void checkAfter(String query, String... statements) throws Exception {
    DeltaPlan plan = start(query);
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
    verify(query, plan, "statements " + List.of(statements));
  }

  /** Cycles verified so far by this oracle. */
  public int cyclesRun() {
    return cyclesRun;
  }

  private DeltaPlan start(String query) throws Exception {
    DeltaPlan plan = plan(query);
    // a root that keeps hidden state starts from its state query: user columns, then hidden ones
    execute("DROP TABLE IF EXISTS " + RESULT, "CREATE TABLE " + RESULT + " AS "
        + (plan.stateQuery() != null ? plan.stateQuery() : query));
    capture.clear(connection);
    return plan;
  }

  private void verify(String query, DeltaPlan plan, String what) throws SQLException {
    cyclesRun++;
    String context = "seed=" + seed + ", " + what + "\nquery: " + query + "\ntree:\n" + plan.treeText()
        + "delta:\n" + plan.deltaQuery() + "\n";
    try {
      apply(plan);
      MultisetOracle.assertSameRows(connection, "SELECT " + String.join(", ",
          plan.outputColumns().stream().map(PgIdentifiers::quote).toList()) + " FROM " + RESULT, query);
    } catch (AssertionFailedError | SQLException | IllegalStateException e) {
      throw new AssertionFailedError(context + e.getMessage(), e);
    }
    capture.clear(connection);
  }

  private void apply(DeltaPlan plan) throws SQLException {
    List<String> cols = new ArrayList<>(plan.outputColumns().stream().map(PgIdentifiers::quote).toList());
    cols.addAll(plan.hiddenColumns());
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS __pgt_delta");
      st.execute("CREATE TEMP TABLE __pgt_delta AS SELECT row_number() OVER () AS __pgt_id, q.* FROM ("
          + plan.deltaQuery() + ") AS q");
      assertEquals(0, scalar(st, "SELECT count(*) FROM __pgt_delta WHERE __pgt_w = 0 OR __pgt_w IS NULL"),
          "zero or NULL weights in the delta");
      assertEquals(0, scalar(st, "SELECT count(*) FROM (SELECT 1 FROM __pgt_delta GROUP BY "
          + String.join(", ", cols) + " HAVING count(*) > 1) AS x"), "the delta is not consolidated");
      long toDelete = scalar(st, "SELECT coalesce(sum(-__pgt_w), 0) FROM __pgt_delta WHERE __pgt_w < 0");
      List<String> match = new ArrayList<>();
      for (String c : cols) {
        match.add("r." + c + " IS NOT DISTINCT FROM d." + c);
      }
      int deleted = st.executeUpdate("DELETE FROM " + RESULT + " WHERE ctid IN (SELECT x.tid FROM (SELECT r.ctid AS tid,"
          + " d.__pgt_w, row_number() OVER (PARTITION BY d.__pgt_id) AS rn FROM " + RESULT + " AS r JOIN __pgt_delta AS d ON "
          + String.join(" AND ", match) + " WHERE d.__pgt_w < 0) AS x WHERE x.rn <= -x.__pgt_w)");
      assertEquals(toDelete, deleted, "the delta deletes rows the old result does not have");
      st.execute("INSERT INTO " + RESULT + " SELECT " + String.join(", ", cols.stream().map(c -> "d." + c).toList())
          + " FROM __pgt_delta AS d CROSS JOIN generate_series(1, d.__pgt_w) WHERE d.__pgt_w > 0");
    }
  }

  private static long scalar(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
