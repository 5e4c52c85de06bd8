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
 * IMMEDIATE-mode write overhead (a CLI), pgbench-shaped like pg_ivm's published figure: single-row
 * {@code UPDATE accounts SET abalance = abalance + d WHERE aid = k} (autocommit) on an {@code accounts}
 * table of N rows (default 1,000,000) with 100 branches, measured without any stream table, then with
 * an IMMEDIATE join {@code accounts ⋈ branches} (N rows), then with that join and an IMMEDIATE
 * aggregate by branch (100 groups), then without again (the two baselines bracket the measured
 * phases). Prints median and mean latency per phase and the overhead per UPDATE.
 *
 * <pre>ImmediateOverheadBenchmark [rows] [updates]</pre>
 */
public final class ImmediateOverheadBenchmark {

  private ImmediateOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int updates = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    PostgresServer server = PostgresServer.shared();
    String database = "pgt_imm_bench_" + (System.currentTimeMillis() / 1000);
    try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    }
    try (Db db = Db.open(server, database)) {
      System.out.println(run(db, rows, updates));
    } finally {
      try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  static String run(Db db, int rows, int updates) throws SQLException {
    db.plain("CREATE TABLE branches (bid int PRIMARY KEY, bbalance int NOT NULL, name text)",
        "INSERT INTO branches SELECT b, 0, 'branch ' || b FROM generate_series(0, 99) b",
        "CREATE TABLE accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL,"
            + " filler char(84))",
        "INSERT INTO accounts SELECT a, a % 100, 0, '' FROM generate_series(1, " + rows + ") a",
        "VACUUM ANALYZE branches", "VACUUM ANALYZE accounts");
    Random random = new Random(42);
    List<Double> before = measure(db.plain, rows, updates, random);
    db.trickle("CREATE MATERIALIZED VIEW acc_join WITH (pgtrickle.stream = true,"
            + " pgtrickle.refresh_mode = 'immediate') AS SELECT a.aid, a.bid, a.abalance, b.name"
            + " FROM accounts a JOIN branches b ON b.bid = a.bid",
        "ANALYZE acc_join");
    measure(db.plain, rows, Math.max(50, updates / 20), random); // warm the plan caches
    List<Double> join = measure(db.plain, rows, updates, random);
    // until aggregates keep hidden state (count/sum as new = old + delta), the aggregate delta rescans
    // the touched groups: give it an index on the group key, and fewer UPDATEs
    db.plain("CREATE INDEX accounts_bid ON accounts (bid)", "ANALYZE accounts");
    db.trickle("CREATE MATERIALIZED VIEW acc_agg WITH (pgtrickle.stream = true,"
            + " pgtrickle.refresh_mode = 'immediate') AS SELECT a.bid, count(*) AS n,"
            + " sum(a.abalance) AS total FROM accounts a GROUP BY a.bid",
        "ANALYZE acc_agg");
    int aggUpdates = Math.max(20, updates / 10);
    measure(db.plain, rows, 20, random);
    List<Double> both = measure(db.plain, rows, aggUpdates, random);
    db.trickle("DROP MATERIALIZED VIEW acc_join, acc_agg");
    List<Double> after = measure(db.plain, rows, updates, random);
    List<Double> baseline = new ArrayList<>(before);
    baseline.addAll(after);
    return String.format(java.util.Locale.ROOT,
        "IMMEDIATE overhead, %,d-row accounts, single-row UPDATEs (autocommit):%n"
            + "  no stream table (before/after, %,d each): median %.3f / %.3f ms, mean %.3f / %.3f ms%n"
            + "  + IMMEDIATE join (%,d rows), %,d UPDATEs: median %.3f ms (%+.3f), mean %.3f ms (%+.3f)%n"
            + "  + join and IMMEDIATE aggregate (100 groups, group rescan), %,d UPDATEs: median %.3f ms"
            + " (%+.3f), mean %.3f ms (%+.3f)",
        rows, updates, median(before), median(after), mean(before), mean(after),
        rows, updates, median(join), median(join) - median(baseline), mean(join), mean(join) - mean(baseline),
        aggUpdates, median(both), median(both) - median(baseline), mean(both), mean(both) - mean(baseline));
  }

  private static List<Double> measure(Connection c, int rows, int updates, Random random)
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

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
