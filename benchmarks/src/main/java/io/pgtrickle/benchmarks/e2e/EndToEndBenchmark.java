package io.pgtrickle.benchmarks.e2e;

import io.pgtrickle.testing.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The end-to-end harness (a CLI): refresh matrix (FULL, REFRESH MATERIALIZED VIEW, DIFF, AUTO and the
 * hand-written floor on the same change batches), no-change latency, cost flatness and CDC write
 * amplification, against the PostgreSQL that test-support finds or starts ({@code PGTRICKLE_TEST_URL}, else
 * a throwaway local cluster on 127.0.0.1). Writes {@code e2e-results.md}, {@code e2e-results.csv},
 * {@code e2e-cdc.csv} and {@code e2e-results.json} to the output directory and prints the Markdown.
 *
 * <pre>
 * EndToEndBenchmark [--quick | --medium | --full | --preset NAME] [--out DIR] [--sizes 10000,100000]
 *                   [--cycles N] [--scenarios scan,join] [--no-cdc] [--keep-database]
 * </pre>
 */
public final class EndToEndBenchmark {
  private static final Logger LOG = System.getLogger(EndToEndBenchmark.class.getName());

  private EndToEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    PostgresServer server = PostgresServer.shared();
    String database = "pgt_bench_" + (System.currentTimeMillis() / 1000);
    try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    }
    try {
      Results r = run(server, database, o.config, o.cdc, o.matrix, o.immediateRows);
      write(r, o.out, System.out);
    } finally {
      if (!o.keepDatabase) {
        try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
      }
    }
  }

  /** Runs every section against {@code database} (which must exist and may be empty). */
  static Results run(PostgresServer server, String database, BenchConfig config, boolean cdc) throws SQLException {
    return run(server, database, config, cdc, true, null);
  }

  /**
   * Runs the sections against {@code database}; without {@code matrix} only CDC and IMMEDIATE (the write
   * side), with IMMEDIATE at {@code immediateRows} rows (null: the largest matrix size).
   */
  static Results run(PostgresServer server, String database, BenchConfig config, boolean cdc, boolean matrixSizes,
      Integer immediateRows) throws SQLException {
    Results r = new Results();
    r.config = "Preset **" + config.label() + "**: matrix sizes " + config.sizes() + ", rates " + config.rates()
        + ", " + config.cycles() + " cycles per cell; flatness sizes " + config.flatSizes() + " with "
        + config.flatDelta() + " changed rows; CDC " + config.cdcSingleRows() + " single-row statements and "
        + config.cdcBulkRows() + "-row bulk statements × " + config.cdcRepeats() + "; IMMEDIATE "
        + (config.immediateUpdates() == 0 ? "skipped" : config.immediateUpdates() + " UPDATEs per phase") + ".";
    Deadline deadline = Deadline.in(config.totalBudget());
    try (Db db = Db.open(server, database)) {
      MachineInfo.collect(server, db.plain, r.machine);
      // the write-side sections first: they are short, and a run cut by its budget should still have them
      if (cdc) {
        new CdcOverhead(db, config, deadline, r).run();
      }
      int largest = immediateRows != null ? immediateRows
          : config.sizes().stream().mapToInt(Integer::intValue).max().orElse(10_000);
      ImmediateSection.run(db, largest, config.immediateUpdates(), deadline, r);
      MatrixRunner runner = new MatrixRunner(db, config, deadline, r);
      Set<Integer> sizes = new TreeSet<>();
      if (matrixSizes) {
        sizes.addAll(config.sizes());
        sizes.addAll(config.flatSizes());
      }
      for (int size : sizes) {
        boolean matrix = config.sizes().contains(size);
        boolean flat = config.flatSizes().contains(size);
        Set<String> names = new LinkedHashSet<>();
        if (matrix) {
          names.addAll(config.scenarios());
        }
        if (flat) {
          names.addAll(config.flatScenarios());
        }
        List<Scenario> scenarios = Scenarios.all().stream().filter(s -> names.contains(s.name())).toList();
        List<MatrixRunner.Change> changes = new ArrayList<>();
        String sameAsFlat = null;
        if (matrix) {
          for (double rate : config.rates()) {
            int rows = BenchConfig.changedRows(size, rate);
            changes.add(new MatrixRunner.Change("matrix", Fmt.rate(rate), rows, config.scenarios()));
            if (rows == config.flatDelta() && config.scenarios().containsAll(config.flatScenarios())) {
              sameAsFlat = Fmt.rate(rate);
            }
          }
        }
        if (flat && sameAsFlat == null) {
          changes.add(new MatrixRunner.Change("flatness", config.flatDelta() + " rows", config.flatDelta(),
              config.flatScenarios()));
        }
        r.machine.put("load average (1/5/15 min) at the start of base " + Fmt.rows(size) + ", " + java.time.LocalTime
            .now(java.time.ZoneOffset.UTC).withNano(0) + " UTC", loadAverage());
        try {
          runner.runSize(size, scenarios, changes, matrix);
        } catch (SQLException e) {
          // a failing base must not lose what the run measured so far
          r.note("base " + Fmt.rows(size) + " failed: " + e.getSQLState() + " " + e.getMessage().lines().findFirst()
              .orElse(""));
          LOG.log(Level.WARNING, "base " + size + " failed", e);
          continue;
        }
        if (flat && sameAsFlat != null) {
          // the matrix cell of this size already changed flatDelta rows per cycle: the same measurement
          for (Results.Cell c : List.copyOf(r.cells)) {
            if (c.section().equals("matrix") && c.baseRows() == size && c.change().equals(sameAsFlat)
                && config.flatScenarios().contains(c.scenario())) {
              r.cells.add(new Results.Cell("flatness", c.scenario(), size, config.flatDelta() + " rows", c.rowsChanged(),
                  c.updated(), c.deleted(), c.inserted(), c.methods()));
            }
          }
        }
      }
    }
    r.machine.put("load average (1/5/15 min, at end)", loadAverage());
    LOG.log(Level.INFO, "end-to-end benchmark done: {0} cells, {1} CDC workloads", r.cells.size(), r.cdc.size());
    return r;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(java.util.Locale.ROOT, "%.2f (1 min)",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Writes the four files to {@code out} and the Markdown to {@code console}. */
  static void write(Results r, Path out, PrintStream console) throws IOException {
    Files.createDirectories(out);
    String md = MarkdownReport.render(r);
    Files.writeString(out.resolve("e2e-results.md"), md, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("e2e-results.csv"), DataFiles.refreshCsv(r), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("e2e-cdc.csv"), DataFiles.cdcCsv(r), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("e2e-results.json"), DataFiles.json(r), StandardCharsets.UTF_8);
    console.println(md);
    console.println("written: " + out.toAbsolutePath().resolve("e2e-results.{md,csv,json}") + ", e2e-cdc.csv");
  }

  /** Command-line options. */
  private record Options(BenchConfig config, Path out, boolean cdc, boolean keepDatabase, boolean matrix,
      Integer immediateRows) {
    static Options parse(String[] args) {
      BenchConfig c = BenchConfig.quick();
      Path out = Path.of("benchmarks", "target");
      boolean cdc = true;
      boolean keep = false;
      boolean matrix = true;
      Integer immediateRows = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick", "--medium", "--full", "--tiny" -> c = BenchConfig.named(a.substring(2));
          case "--preset" -> c = BenchConfig.named(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--no-cdc" -> cdc = false;
          case "--keep-database" -> keep = true;
          case "--no-matrix" -> matrix = false;
          case "--immediate-rows" -> immediateRows = Integer.parseInt(args[++i]);
          case "--no-immediate" -> c = c.with(null, null, null, null, 0, null, null, null);
          case "--immediate-updates" -> c = c.with(null, null, null, null, Integer.parseInt(args[++i]), null, null, null);
          case "--cycles" -> c = c.with(null, Integer.parseInt(args[++i]), null, null, null, null, null, null);
          case "--sizes" -> c = c.with(ints(args[++i]), null, null, null, null, null, null, null);
          case "--scenarios" -> c = c.with(null, null, List.of(args[++i].split(",")), null, null, null, null, null);
          case "--cdc-repeats" -> c = c.with(null, null, null, Integer.parseInt(args[++i]), null, null, null, null);
          case "--no-change-repeats" ->
              c = c.with(null, null, null, null, null, Integer.parseInt(args[++i]), null, null);
          case "--cell-budget-seconds" ->
              c = c.with(null, null, null, null, null, null, Duration.ofSeconds(Long.parseLong(args[++i])), null);
          case "--budget-minutes" ->
              c = c.with(null, null, null, null, null, null, null, Duration.ofMinutes(Long.parseLong(args[++i])));
          default -> throw new IllegalArgumentException("unknown option " + a
              + " (--quick|--medium|--full|--preset NAME, --out DIR, --sizes a,b, --cycles N, --scenarios a,b,"
              + " --no-cdc, --no-immediate, --immediate-updates N, --cdc-repeats N, --no-change-repeats N,"
              + " --cell-budget-seconds S, --budget-minutes M, --no-matrix, --immediate-rows N, --keep-database)");
        }
      }
      return new Options(c, out, cdc, keep, matrix, immediateRows);
    }

    private static List<Integer> ints(String csv) {
      return List.of(csv.split(",")).stream().map(String::trim).map(Integer::parseInt).toList();
    }
  }
}
