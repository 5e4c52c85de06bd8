package io.pgtrickle.benchmarks.e2e;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, in the order it was measured; rendered by {@link MarkdownReport} and {@link DataFiles}. */
final class Results {

  /** One method's figures in one cell; {@code unavailable} is null when it ran. */
  record MethodFigures(Method method, String unavailable, int cycles, double medianMs, double p95Ms,
      long rowsInserted, long rowsDeleted, String strategy) {

    static MethodFigures of(Method method, Samples s) {
      return new MethodFigures(method, null, s.count(), s.median(), s.p95(), s.medianInserted(), s.medianDeleted(),
          s.strategy());
    }

    static MethodFigures missing(Method method, String reason) {
      return new MethodFigures(method, reason, 0, Double.NaN, Double.NaN, -1, -1, null);
    }

    boolean measured() {
      return unavailable == null && cycles > 0;
    }
  }

  /**
   * One cell: a scenario at a base size under one change size, every method on the same batches.
   *
   * @param section "matrix", "no-change" or "flatness"
   * @param change "0.1%", "1%", "10%", "1000 rows" or "none"
   * @param rowsChanged changed source rows per cycle (updates + deletes + inserts)
   */
  record Cell(String section, String scenario, int baseRows, String change, int rowsChanged, int updated,
      int deleted, int inserted, Map<Method, MethodFigures> methods) {

    Cell {
      methods = new EnumMap<>(methods);
    }

    /** a/b of the medians, NaN when either is missing. */
    double ratio(Method a, Method b) {
      MethodFigures x = methods.get(a);
      MethodFigures y = methods.get(b);
      if (x == null || y == null || !x.measured() || !y.measured() || y.medianMs() <= 0) {
        return Double.NaN;
      }
      return x.medianMs() / y.medianMs();
    }

    /** AUTO's median over the faster of FULL and DIFF; NaN when one of them is missing. */
    double autoOverBest() {
      double full = ratio(Method.AUTO, Method.FULL);
      double diff = ratio(Method.AUTO, Method.DIFF);
      return Double.isNaN(full) || Double.isNaN(diff) ? Double.NaN : Math.max(full, diff);
    }
  }

  /**
   * One CDC workload on a table with and without capture: medians over the repetitions, and the
   * amplification as the median of each repetition's paired ratio (with / without, run back to back).
   */
  record CdcFigures(String workload, int rows, int repeats, double plainMs, double capturedMs,
      double amplification) {

    double plainMicrosPerRow() {
      return plainMs * 1000.0 / rows;
    }

    double capturedMicrosPerRow() {
      return capturedMs * 1000.0 / rows;
    }

    double extraMicrosPerRow() {
      return (capturedMs - plainMs) * 1000.0 / rows;
    }

    boolean bulk() {
      return workload.startsWith("bulk");
    }
  }

  /**
   * The IMMEDIATE section: {@code report} is ImmediateOverheadBenchmark's text; the overheads (ms per
   * single-row UPDATE, medians) are read from it, NaN when it could not be read.
   */
  record Immediate(int rows, int updates, String report, double joinOverheadMs, double joinAggOverheadMs) {}

  final Map<String, String> machine = new LinkedHashMap<>();
  final List<Cell> cells = new ArrayList<>();
  final List<CdcFigures> cdc = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  String config = "";
  String cdcCapture = "";
  Immediate immediate;

  List<Cell> section(String name) {
    return cells.stream().filter(c -> c.section().equals(name)).toList();
  }

  void note(String text) {
    if (!notes.contains(text)) {
      notes.add(text);
    }
  }
}
