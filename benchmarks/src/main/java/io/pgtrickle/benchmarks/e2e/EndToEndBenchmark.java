package io.pgtrickle.benchmarks.e2e;

import io.pgtrickle.testing.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
      Results r = run(server, database, o.config, o.cdc);
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
    Results r = new Results();
    r.config = "Preset **" + config.label() + "**: matrix sizes " + config.sizes() + ", rates " + config.rates()
        + ", " + config.cycles() + " cycles per cell; flatness sizes " + config.flatSizes() + " with "
        + config.flatDelta() + " changed rows; CDC " + config.cdcSingleRows() + " single-row statements and "
        + config.cdcBulkRows() + "-row bulk statements × " + config.cdcRepeats() + ".";
    Deadline deadline = Deadline.in(config.totalBudget());
    try (Db db = Db.open(server, database)) {
      MachineInfo.collect(server, db.plain, r.machine);
      MatrixRunner runner = new MatrixRunner(db, config, deadline, r);
      Set<Integer> sizes = new TreeSet<>(config.sizes());
      sizes.addAll(config.flatSizes());
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
        if (matrix) {
          for (double rate : config.rates()) {
            changes.add(new MatrixRunner.Change("matrix", Fmt.rate(rate), BenchConfig.changedRows(size, rate),
                config.scenarios()));
          }
        }
        if (flat) {
          changes.add(new MatrixRunner.Change("flatness", config.flatDelta() + " rows", config.flatDelta(),
              config.flatScenarios()));
        }
        runner.runSize(size, scenarios, changes, matrix);
      }
      if (cdc) {
        new CdcOverhead(db, config, deadline, r).run();
      }
    }
    LOG.log(Level.INFO, "end-to-end benchmark done: {0} cells, {1} CDC workloads", r.cells.size(), r.cdc.size());
    return r;
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
  private record Options(BenchConfig config, Path out, boolean cdc, boolean keepDatabase) {
    static Options parse(String[] args) {
      BenchConfig c = BenchConfig.quick();
      Path out = Path.of("benchmarks", "target");
      boolean cdc = true;
      boolean keep = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick", "--medium", "--full", "--tiny" -> c = BenchConfig.named(a.substring(2));
          case "--preset" -> c = BenchConfig.named(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--no-cdc" -> cdc = false;
          case "--keep-database" -> keep = true;
          case "--cycles" -> c = with(c, null, Integer.parseInt(args[++i]), null);
          case "--sizes" -> c = with(c, ints(args[++i]), c.cycles(), null);
          case "--scenarios" -> c = with(c, null, c.cycles(), List.of(args[++i].split(",")));
          default -> throw new IllegalArgumentException("unknown option " + a
              + " (--quick|--medium|--full|--preset NAME, --out DIR, --sizes a,b, --cycles N, --scenarios a,b,"
              + " --no-cdc, --keep-database)");
        }
      }
      return new Options(c, out, cdc, keep);
    }

    private static List<Integer> ints(String csv) {
      return List.of(csv.split(",")).stream().map(String::trim).map(Integer::parseInt).toList();
    }

    private static BenchConfig with(BenchConfig c, List<Integer> sizes, int cycles, List<String> scenarios) {
      List<String> sc = scenarios == null ? c.scenarios() : scenarios;
      for (String s : sc) {
        Scenarios.named(s).orElseThrow(() -> new IllegalArgumentException("unknown scenario " + s + " " + Scenarios.names()));
      }
      return new BenchConfig(sizes == null ? c.sizes() : sizes, c.rates(), cycles, sc, c.flatSizes(), c.flatDelta(),
          c.flatScenarios().stream().filter(sc::contains).toList(), c.noChangeRepeats(), c.cdcSingleRows(),
          c.cdcBulkRows(), c.cdcRepeats(), c.cellBudget(), c.totalBudget(), c.label() + " (customised)");
    }
  }
}
