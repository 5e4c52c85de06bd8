package io.pgtrickle.benchmarks.e2e;

import io.pgtrickle.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * IMMEDIATE-mode write overhead (a CLI, and {@link #run}/{@link #measure} for other harnesses),
 * pgbench-shaped like pg_ivm's published figure: single-row
 * {@code UPDATE accounts SET abalance = abalance + d WHERE aid = k} (autocommit) on an {@code accounts}
 * table of N rows (default 1,000,000) with 100 branches, measured without any stream table, then with an IMMEDIATE join {@code accounts ⋈ branches} (N rows), then
 * with that join and an IMMEDIATE aggregate by branch (100 groups: count and sum with hidden state),
 * then without again (the two baselines bracket the measured phases). Prints median and mean latency
 * per phase and the overhead per UPDATE.
 *
 * <pre>ImmediateOverheadBenchmark [rows] [updates] [--keep]</pre>
 *
 * {@code --keep} leaves the database (named in the output) with both stream tables in place, for
 * profiling the trigger path by hand.
 */
public final class ImmediateOverheadBenchmark {

  private ImmediateOverheadBenchmark() {}

  /** Latencies of one phase, in milliseconds. */
  public record Phase(int updates, double median, double mean) {
    static Phase of(List<Double> ms) {
      return new Phase(ms.size(), medianOf(ms), meanOf(ms));
    }
  }

  /**
   * The figures of one run.
   *
   * @param rows the size of {@code accounts}
   * @param baseline no stream table (before and after pooled)
   * @param join with the IMMEDIATE join
   * @param joinAndAggregate with the IMMEDIATE join and the IMMEDIATE aggregate
   */
  public record Result(int rows, Phase baseline, Phase join, Phase joinAndAggregate) {
    /** Median overhead per UPDATE with the join, ms. */
    public double joinOverhead() {
      return join.median() - baseline.median();
    }

    /** Median overhead per UPDATE with both stream tables, ms. */
    public double bothOverhead() {
      return joinAndAggregate.median() - baseline.median();
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "IMMEDIATE overhead, %,d-row accounts, single-row UPDATEs (autocommit):%n"
              + "  no stream table, %,d UPDATEs: median %.3f ms, mean %.3f ms%n"
              + "  + IMMEDIATE join (%,d rows), %,d UPDATEs: median %.3f ms (%+.3f), mean %.3f ms (%+.3f)%n"
              + "  + join and IMMEDIATE aggregate (100 groups, count/sum with hidden state), %,d UPDATEs:"
              + " median %.3f ms (%+.3f), mean %.3f ms (%+.3f)",
          rows, baseline.updates(), baseline.median(), baseline.mean(),
          rows, join.updates(), join.median(), joinOverhead(), join.mean(), join.mean() - baseline.mean(),
          joinAndAggregate.updates(), joinAndAggregate.median(), bothOverhead(), joinAndAggregate.mean(),
          joinAndAggregate.mean() - baseline.mean());
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    boolean keep = false;
    for (String a : args) {
      if (a.equals("--keep")) {
        keep = true;
      } else {
        positional.add(a);
      }
    }
    int rows = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 1_000_000;
    int updates = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 2_000;
    PostgresServer server = PostgresServer.shared();
    String database = "pgt_imm_bench_" + (System.currentTimeMillis() / 1000);
    try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    }
    try (Db db = Db.open(server, database)) {
      System.out.println(measure(db, rows, updates, keep));
    } finally {
      if (keep) {
        System.out.println("kept database " + database);
      } else {
        try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
      }
    }
  }

  /**
   * Runs the phases in {@code db}'s database (which must not have tables {@code accounts} and
   * {@code branches}); {@code updates} UPDATEs per phase. Returns {@link Result#toString()}.
   */
  static String run(Db db, int rows, int updates) throws SQLException {
    return measure(db, rows, updates, false).toString();
  }

  /** Like {@link #run}, with the figures; {@code keep} leaves both stream tables in place. */
  static Result measure(Db db, int rows, int updates, boolean keep) throws SQLException {
    db.plain("CREATE TABLE branches (bid int PRIMARY KEY, bbalance int NOT NULL, name text)",
        "INSERT INTO branches SELECT b, 0, 'branch ' || b FROM generate_series(0, 99) b",
        "CREATE TABLE accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL,"
            + " filler char(84))",
        "INSERT INTO accounts SELECT a, a % 100, 0, '' FROM generate_series(1, " + rows + ") a",
        "VACUUM ANALYZE branches", "VACUUM ANALYZE accounts");
    Random random = new Random(42);
    List<Double> before = timeUpdates(db.plain, rows, updates, random);
    db.trickle("CREATE MATERIALIZED VIEW acc_join WITH (pgtrickle.stream = true,"
            + " pgtrickle.refresh_mode = 'immediate') AS SELECT a.aid, a.bid, a.abalance, b.name"
            + " FROM accounts a JOIN branches b ON b.bid = a.bid",
        "ANALYZE acc_join");
    timeUpdates(db.plain, rows, Math.max(50, updates / 20), random); // warm the plan caches
    List<Double> join = timeUpdates(db.plain, rows, updates, random);
    db.trickle("CREATE MATERIALIZED VIEW acc_agg WITH (pgtrickle.stream = true,"
            + " pgtrickle.refresh_mode = 'immediate') AS SELECT a.bid, count(*) AS n,"
            + " sum(a.abalance) AS total FROM accounts a GROUP BY a.bid",
        "ANALYZE acc_agg");
    timeUpdates(db.plain, rows, Math.max(50, updates / 20), random);
    List<Double> both = timeUpdates(db.plain, rows, updates, random);
    if (keep) {
      List<Double> baseline = new ArrayList<>(before);
      return new Result(rows, Phase.of(baseline), Phase.of(join), Phase.of(both));
    }
    db.trickle("DROP MATERIALIZED VIEW acc_join, acc_agg");
    List<Double> after = timeUpdates(db.plain, rows, updates, random);
    List<Double> baseline = new ArrayList<>(before);
    baseline.addAll(after);
    return new Result(rows, Phase.of(baseline), Phase.of(join), Phase.of(both));
  }

  private static List<Double> timeUpdates(Connection c, int rows, int updates, Random random)
      throws SQLException {
    List<Double> ms = new ArrayList<>(updates);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE accounts SET abalance = abalance + ? WHERE aid = ?")) {
      for (int i = 0; i < updates; i++) {
        ps.setInt(1, random.nextInt(10_000) - 5_000);
        ps.setInt(2, 1 + random.nextInt(rows));
        long t = System.nanoTime();
        ps.executeUpdate();
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    return ms;
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double meanOf(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
