package io.pgtrickle.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness in its tiny configuration on a real PostgreSQL: every section and every row is produced,
 * with numbers. It checks that the harness works, never the timings.
 */
@PgTest
class QuickHarnessTest {
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)? / \\d+(\\.\\d+)?");

  @Test
  void tinyRunProducesEverySectionWithNumbers(TestDatabase db, @TempDir Path out) throws Exception {
    BenchConfig config = BenchConfig.tiny();
    Results r = EndToEndBenchmark.run(db.server(), db.name(), config, true);

    int scenarios = config.scenarios().size();
    assertEquals(scenarios * config.rates().size(), r.section("matrix").size(), "matrix cells");
    assertEquals(scenarios, r.section("no-change").size(), "no-change cells");
    assertEquals(config.flatSizes().size() * config.flatScenarios().size(), r.section("flatness").size(),
        "flatness cells");
    for (Results.Cell c : r.cells) {
      for (Method m : List.of(Method.FULL, Method.RMV, Method.FLOOR)) {
        Results.MethodFigures f = c.methods().get(m);
        assertTrue(f.measured() && f.medianMs() >= 0 && f.p95Ms() >= f.medianMs(), c + " " + m);
      }
      for (Method m : List.of(Method.DIFF, Method.AUTO)) {
        Results.MethodFigures f = c.methods().get(m);
        assertTrue(f.measured() || f.unavailable() != null, "DIFF/AUTO either measured or n/a with a reason: " + f);
      }
      if (c.section().equals("matrix")) {
        assertTrue(c.rowsChanged() > 0 && c.rowsChanged() == c.updated() + c.deleted() + c.inserted(), c.toString());
        assertTrue(c.methods().get(Method.FULL).rowsInserted() >= 0, "FULL rows from pgt_refresh_history");
      }
    }
    assertTrue(config.scenarios().containsAll(List.of("tpch_q1", "tpch_q3")), "TPC-H-shaped scenarios");
    assertEquals(9, r.cdc.size(), "CDC workloads: 3 single-row autocommit, 3 in one transaction, 3 bulk");
    r.cdc.forEach(f -> assertTrue(f.plainMs() > 0 && f.capturedMs() > 0 && f.amplification() > 0
        && f.repeats() == config.cdcRepeats(), f.toString()));
    assertTrue(r.immediate != null && !Double.isNaN(r.immediate.joinOverheadMs())
        && !Double.isNaN(r.immediate.joinAggOverheadMs()), "IMMEDIATE section read: " + r.immediate);
    List<Targets.Row> targets = Targets.evaluate(r);
    assertTrue(targets.size() >= 10, targets.toString());
    for (Targets.Row t : targets) {
      // every target computable from a tiny run has a verdict; the 1M speed-ups fall back to the largest base
      assertFalse(t.measured().equals("not measured"), t.toString());
    }
    assertFalse(r.cdcCapture.isEmpty());
    assertTrue(r.machine.containsKey("PostgreSQL") && r.machine.containsKey("shared_buffers"));
    assertTrue(r.notes.stream().noneMatch(n -> n.contains("harness bug")), r.notes.toString());

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    EndToEndBenchmark.write(r, out, new PrintStream(console, true, StandardCharsets.UTF_8));
    String md = Files.readString(out.resolve("e2e-results.md"));
    for (String heading : List.of("## Machine", "## Targets", "## Refresh matrix", "## No-change refresh latency",
        "## Cost flatness", "## CDC write amplification", "## IMMEDIATE write overhead", "## Notes")) {
      assertTrue(md.contains(heading), heading);
    }
    for (String s : config.scenarios()) {
      assertTrue(md.lines().anyMatch(l -> l.startsWith("| " + s + " |") && NUMBER.matcher(l).find()), s);
    }
    assertTrue(md.contains("| AUTO/best |"), "AUTO check column");
    assertTrue(md.lines().filter(l -> l.startsWith("| agg_10 | ")).allMatch(l -> l.endsWith(" ok |")
        || l.endsWith(" ✗** |")), "every measured cell has its AUTO check");
    assertEquals(md.strip(), console.toString(StandardCharsets.UTF_8).lines()
        .takeWhile(l -> !l.startsWith("written: ")).reduce((a, b) -> a + "\n" + b).orElse("").strip());
    long csvLines = Files.readAllLines(out.resolve("e2e-results.csv")).size();
    assertEquals(1 + r.cells.size() * Method.values().length, csvLines, "CSV: header + one line per cell and method");
    assertEquals(10, Files.readAllLines(out.resolve("e2e-cdc.csv")).size());
    String json = Files.readString(out.resolve("e2e-results.json"));
    assertTrue(json.startsWith("{\"config\":") && json.contains("\"cells\":[") && json.strip().endsWith("}"));
  }
}
