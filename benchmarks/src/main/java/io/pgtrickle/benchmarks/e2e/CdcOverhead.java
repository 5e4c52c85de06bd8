package io.pgtrickle.benchmarks.e2e;

import io.pgtrickle.spi.cdc.CdcBackend;
import io.pgtrickle.spi.cdc.SourceRelation;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CDC write amplification: the same writes on two identical tables, {@code cdc_plain} (nothing reads it)
 * and {@code cdc_captured} (a differential stream table reads it, so the trigger backend captures its
 * changes), alternating table order per repetition. Single-row statements run once in autocommit and once
 * all in one transaction; the amplification is the median over the repetitions of each repetition's
 * paired ratio, which cancels most of the machine's drift between repetitions. When differential stream tables cannot be created
 * yet, capture is installed directly with {@code CdcBackend.named("trigger").ensureCapture}, and the
 * report says so.
 */
final class CdcOverhead {
  private static final Logger LOG = System.getLogger(CdcOverhead.class.getName());
  private static final String PLAIN = "cdc_plain";
  private static final String CAPTURED = "cdc_captured";
  private static final String STREAM = "st_cdc_diff";
  private static final List<String> WORKLOADS = List.of("single-row INSERT (autocommit)",
      "single-row UPDATE (autocommit)", "single-row DELETE (autocommit)", "single-row INSERT (one transaction)",
      "single-row UPDATE (one transaction)", "single-row DELETE (one transaction)", "bulk INSERT", "bulk UPDATE",
      "bulk DELETE");

  private final Db db;
  private final BenchConfig config;
  private final Deadline run;
  private final Results results;

  CdcOverhead(Db db, BenchConfig config, Deadline run, Results results) {
    this.db = db;
    this.config = config;
    this.run = run;
    this.results = results;
  }

  void run() throws SQLException {
    if (run.expired()) {
      results.note("skipped CDC write amplification: run budget spent");
      return;
    }
    for (String t : List.of(PLAIN, CAPTURED)) {
      db.plain("DROP TABLE IF EXISTS " + t + " CASCADE",
          "CREATE TABLE " + t + " (id bigint PRIMARY KEY, a int NOT NULL, b numeric(12,2) NOT NULL, c text NOT NULL)");
    }
    boolean streamTable = installCapture();
    Map<String, List<Double>> plain = new LinkedHashMap<>();
    Map<String, List<Double>> captured = new LinkedHashMap<>();
    WORKLOADS.forEach(w -> {
      plain.put(w, new ArrayList<>());
      captured.put(w, new ArrayList<>());
    });
    try {
      for (int rep = 0; rep < config.cdcRepeats() && (rep == 0 || !run.expired()); rep++) {
        boolean capturedFirst = rep % 2 == 1;
        for (int k = 0; k < 2; k++) {
          boolean cap = (k == 0) == capturedFirst;
          List<Double> ms = workloads(cap ? CAPTURED : PLAIN);
          for (int i = 0; i < WORKLOADS.size(); i++) {
            (cap ? captured : plain).get(WORKLOADS.get(i)).add(ms.get(i));
          }
        }
        if (streamTable) {
          db.trickle("REFRESH MATERIALIZED VIEW " + STREAM);
        }
        db.plain("VACUUM " + PLAIN, "VACUUM " + CAPTURED);
      }
      for (String w : WORKLOADS) {
        int rows = w.startsWith("single") ? config.cdcSingleRows() : config.cdcBulkRows();
        List<Double> p = plain.get(w);
        List<Double> c = captured.get(w);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
          ratios.add(c.get(i) / p.get(i));
        }
        results.cdc.add(new Results.CdcFigures(w, rows, p.size(), Samples.percentile(p, 50),
            Samples.percentile(c, 50), Samples.percentile(ratios, 50)));
      }
    } finally {
      if (streamTable) {
        db.trickle("DROP MATERIALIZED VIEW IF EXISTS " + STREAM);
      } else {
        CdcBackend.named("trigger").releaseCapture(db.plain, source(db.plain, CAPTURED));
      }
      db.plain("DROP TABLE IF EXISTS " + PLAIN, "DROP TABLE IF EXISTS " + CAPTURED);
    }
  }

  /** True when a differential stream table now reads {@code cdc_captured}; else capture was installed directly. */
  private boolean installCapture() throws SQLException {
    try {
      db.trickle("CREATE MATERIALIZED VIEW " + STREAM + " WITH (pgtrickle.stream = true,"
          + " pgtrickle.refresh_mode = 'differential') AS SELECT id, a, b, c FROM " + CAPTURED);
      results.cdcCapture = "trigger capture installed by a differential stream table (" + STREAM + ") reading "
          + CAPTURED;
      return true;
    } catch (SQLException e) {
      CdcBackend.named("trigger").ensureCapture(db.plain, source(db.plain, CAPTURED), Set.of("id", "a", "b", "c"));
      results.cdcCapture = "trigger capture installed directly with CdcBackend.named(\"trigger\").ensureCapture"
          + " (differential stream table not available: " + e.getSQLState() + " " + e.getMessage().lines()
          .findFirst().orElse("") + ")";
      LOG.log(Level.INFO, results.cdcCapture);
      return false;
    }
  }

  /** Runs the nine workloads in order on an empty {@code table}; returns their times in ms. */
  private List<Double> workloads(String table) throws SQLException {
    int single = config.cdcSingleRows();
    int bulk = config.cdcBulkRows();
    Connection c = db.plain;
    List<Double> ms = new ArrayList<>();
    for (boolean oneTransaction : new boolean[] {false, true}) {
      ms.add(eachRow(c, "INSERT INTO " + table + " VALUES (?, ?::int % 100, ?::int * 1.5, md5(?::text))", single, 4,
          oneTransaction));
      ms.add(eachRow(c, "UPDATE " + table + " SET a = a + 1 WHERE id = ?", single, 1, oneTransaction));
      ms.add(eachRow(c, "DELETE FROM " + table + " WHERE id = ?", single, 1, oneTransaction));
    }
    ms.add(timed(c, "INSERT INTO " + table + " SELECT g, g % 100, g * 1.5, md5(g::text) FROM generate_series(1, "
        + bulk + ") g"));
    ms.add(timed(c, "UPDATE " + table + " SET a = a + 1"));
    ms.add(timed(c, "DELETE FROM " + table));
    return ms;
  }

  /** {@code rows} single-row statements, each committed on its own or all in one transaction (timed with the commit). */
  private static double eachRow(Connection c, String sql, int rows, int params, boolean oneTransaction)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      long t0 = System.nanoTime();
      c.setAutoCommit(!oneTransaction);
      try {
        for (int id = 1; id <= rows; id++) {
          for (int p = 1; p <= params; p++) {
            ps.setInt(p, id);
          }
          ps.executeUpdate();
        }
        if (oneTransaction) {
          c.commit();
        }
      } catch (SQLException e) {
        if (oneTransaction) {
          c.rollback();
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      return (System.nanoTime() - t0) / 1e6;
    }
  }

  private static double timed(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      long t0 = System.nanoTime();
      st.executeUpdate(sql);
      return (System.nanoTime() - t0) / 1e6;
    }
  }

  private static SourceRelation source(Connection c, String table) throws SQLException {
    long oid;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT '" + table + "'::regclass::oid::bigint")) {
      rs.next();
      oid = rs.getLong(1);
    }
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
            + " WHERE attrelid = '" + table + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
      while (rs.next()) {
        types.put(rs.getString(1), rs.getString(2));
      }
    }
    return new SourceRelation(oid, "public", table, List.of("id"), types);
  }
}
