package io.pgtrickle.benchmarks.e2e;

import java.time.Duration;
import java.util.List;

/**
 * What one run of the end-to-end harness measures. Every loop is bounded by a count and by time:
 * {@link #cellBudget} bounds one (scenario, size, change) cell's cycles, {@link #totalBudget} the run.
 *
 * @param sizes base sizes (rows of {@code src}) of the refresh matrix
 * @param rates change rates of the matrix, as fractions of the base (0.01 = 1 %)
 * @param cycles change+refresh cycles per cell (median and p95 are over these)
 * @param scenarios scenario names to run (see {@link Scenarios})
 * @param flatSizes base sizes of the cost-flatness section
 * @param flatDelta the fixed number of changed rows of the cost-flatness section
 * @param flatScenarios scenarios of the cost-flatness section
 * @param noChangeRepeats refreshes without any change, per method, for the no-change latency
 * @param cdcSingleRows statements of the single-row CDC workloads
 * @param cdcBulkRows rows of the bulk CDC workloads
 * @param cdcRepeats repetitions of each CDC workload (median)
 * @param immediateUpdates single-row UPDATEs per phase of the IMMEDIATE section (0 skips it); its base is
 *     the run's largest size
 * @param cellBudget time bound of one cell (cycles stop early when it is spent)
 * @param totalBudget time bound of the whole run (later cells are skipped and listed)
 * @param label printed in the report ("quick", "medium", "full", "tiny")
 */
public record BenchConfig(List<Integer> sizes, List<Double> rates, int cycles, List<String> scenarios,
    List<Integer> flatSizes, int flatDelta, List<String> flatScenarios, int noChangeRepeats, int cdcSingleRows,
    int cdcBulkRows, int cdcRepeats, int immediateUpdates, Duration cellBudget, Duration totalBudget, String label) {

  private static final List<Double> RATES = List.of(0.001, 0.01, 0.1);

  public BenchConfig {
    sizes = List.copyOf(sizes);
    rates = List.copyOf(rates);
    scenarios = List.copyOf(scenarios);
    flatSizes = List.copyOf(flatSizes);
    flatScenarios = List.copyOf(flatScenarios);
    if (cycles < 1 || noChangeRepeats < 1 || cdcRepeats < 1 || immediateUpdates < 0) {
      throw new IllegalArgumentException("cycles and repeats must be at least 1");
    }
  }

  /** 10k rows, three rates, 3 cycles; flatness 10k → 100k. A few minutes on a laptop. */
  public static BenchConfig quick() {
    return new BenchConfig(List.of(10_000), RATES, 3, Scenarios.names(), List.of(10_000, 100_000), 1_000,
        List.of("filter", "agg_1000", "join_agg"), 5, 500, 10_000, 5, 500, Duration.ofSeconds(60),
        Duration.ofMinutes(20), "quick");
  }

  /** 10k and 100k rows, 5 cycles; flatness 10k → 100k → 1M. */
  public static BenchConfig medium() {
    return new BenchConfig(List.of(10_000, 100_000), RATES, 5, Scenarios.names(),
        List.of(10_000, 100_000, 1_000_000), 1_000, List.of("filter", "agg_1000", "join_agg"), 10, 1_000, 10_000,
        7, 1_000, Duration.ofMinutes(3), Duration.ofMinutes(90), "medium");
  }

  /** 10k, 100k and 1M rows, 7 cycles: for a quiet machine. */
  public static BenchConfig full() {
    return new BenchConfig(List.of(10_000, 100_000, 1_000_000), RATES, 7, Scenarios.names(),
        List.of(10_000, 100_000, 1_000_000), 1_000, Scenarios.names(), 20, 1_000, 10_000, 9, 2_000,
        Duration.ofMinutes(10), Duration.ofHours(6), "full");
  }

  /**
   * The CI smoke configuration: every section, tiny sizes. About 40 s; bounded at 120 s so that a loaded
   * machine cuts no cell short.
   */
  public static BenchConfig tiny() {
    return new BenchConfig(List.of(2_000), List.of(0.01), 2, Scenarios.names(), List.of(2_000, 4_000), 100,
        List.of("agg_10"), 2, 20, 500, 2, 40, Duration.ofSeconds(20), Duration.ofSeconds(120), "tiny");
  }

  /** The named preset: quick, medium, full or tiny. */
  public static BenchConfig named(String name) {
    return switch (name) {
      case "quick" -> quick();
      case "medium" -> medium();
      case "full" -> full();
      case "tiny" -> tiny();
      default -> throw new IllegalArgumentException("unknown preset " + name + " (quick|medium|full|tiny)");
    };
  }

  /** A copy with some fields replaced (null keeps the field); the label says "(customised)". */
  BenchConfig with(List<Integer> newSizes, Integer newCycles, List<String> newScenarios, Integer newCdcRepeats,
      Integer newImmediateUpdates, Integer newNoChangeRepeats, Duration newCellBudget, Duration newTotalBudget) {
    List<String> sc = newScenarios == null ? scenarios : newScenarios;
    for (String s : sc) {
      Scenarios.named(s).orElseThrow(() -> new IllegalArgumentException("unknown scenario " + s + " " + Scenarios.names()));
    }
    return new BenchConfig(newSizes == null ? sizes : newSizes, rates, newCycles == null ? cycles : newCycles, sc,
        flatSizes, flatDelta, flatScenarios.stream().filter(sc::contains).toList(),
        newNoChangeRepeats == null ? noChangeRepeats : newNoChangeRepeats, cdcSingleRows, cdcBulkRows,
        newCdcRepeats == null ? cdcRepeats : newCdcRepeats,
        newImmediateUpdates == null ? immediateUpdates : newImmediateUpdates,
        newCellBudget == null ? cellBudget : newCellBudget, newTotalBudget == null ? totalBudget : newTotalBudget,
        label.endsWith("(customised)") ? label : label + " (customised)");
  }

  /** Rows changed per cycle for {@code rate} of {@code base}: at least one. */
  public static int changedRows(int base, double rate) {
    return (int) Math.max(1, Math.round(base * rate));
  }
}
