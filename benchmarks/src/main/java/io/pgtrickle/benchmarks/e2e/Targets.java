package io.pgtrickle.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The targets, each checked against this run's figures (never typed in): the measured figure, how
 * far it is from the target, met or not. A target whose cells were not measured says so.
 */
final class Targets {
  /** The base size the speed-up targets are stated for. */
  static final int TARGET_BASE = 1_000_000;
  static final String TARGET_RATE = "0.1%";

  /** One row of the targets table. */
  record Row(String target, String measured, String verdict) {}

  private Targets() {}

  static List<Row> evaluate(Results r) {
    List<Row> rows = new ArrayList<>();
    rows.add(diffOverFloor(r));
    rows.add(speedUp(r, "agg_1000", 12));
    rows.add(speedUp(r, "scan", 25));
    rows.add(speedUp(r, "filter", 25));
    rows.add(speedUp(r, "join", 50));
    rows.add(cdc(r, "trigger-CDC write amplification, bulk ≤ 1.6×", f -> f.bulk(), 1.6));
    rows.add(cdc(r, "trigger-CDC write amplification, single-row (autocommit) ≤ 1.4×",
        f -> f.workload().startsWith("single") && f.workload().contains("autocommit"), 1.4));
    rows.add(cdc(r, "trigger-CDC write amplification, single-row (one transaction) ≤ 1.4×",
        f -> f.workload().startsWith("single") && f.workload().contains("one transaction"), 1.4));
    rows.add(noChange(r));
    rows.add(immediate(r));
    rows.add(auto(r));
    rows.add(new Row("delta-SQL emission ≤ 10 µs per operator (warm)", "measured by JMH (`scripts/bench.sh jmh`,"
        + " jmh-results.md)", "see the JMH report"));
    return rows;
  }

  private static Row diffOverFloor(Results r) {
    String target = "DIFF ≤ 2× the hand-written floor in every cell (matrix)";
    List<Results.Cell> cells = measured(r.section("matrix"), c -> c.ratio(Method.DIFF, Method.FLOOR));
    if (cells.isEmpty()) {
      return new Row(target, "not measured", "–");
    }
    long met = cells.stream().filter(c -> c.ratio(Method.DIFF, Method.FLOOR) <= 2.0).count();
    Results.Cell worst = cells.stream().max(Comparator.comparingDouble(c -> c.ratio(Method.DIFF, Method.FLOOR)))
        .orElseThrow();
    double w = worst.ratio(Method.DIFF, Method.FLOOR);
    return new Row(target, met + " of " + cells.size() + " cells within 2×; worst " + x(w) + " (" + where(worst) + ")",
        verdict(met == cells.size(), w / 2.0));
  }

  private static Row speedUp(Results r, String scenario, double target) {
    String text = "at 1M rows / 0.1 % change, DIFF ≥ " + fmt(target) + "× faster than REFRESH MV (" + scenario + ")";
    Optional<Results.Cell> at1M = r.section("matrix").stream().filter(c -> c.scenario().equals(scenario)
        && c.baseRows() == TARGET_BASE && c.change().equals(TARGET_RATE) && !Double.isNaN(c.ratio(Method.RMV, Method.DIFF)))
        .findFirst();
    if (at1M.isPresent()) {
      double s = at1M.get().ratio(Method.RMV, Method.DIFF);
      return new Row(text, x(s) + " faster", verdict(s >= target, target / s));
    }
    // not measured at 1M / 0.1 %: the largest base's smallest change, so the report still shows where it stands
    Optional<Results.Cell> closest = r.section("matrix").stream().filter(c -> c.scenario().equals(scenario)
        && !Double.isNaN(c.ratio(Method.RMV, Method.DIFF)))
        .max(Comparator.comparingInt(Results.Cell::baseRows).thenComparing(c -> -c.rowsChanged()));
    return closest.map(c -> new Row(text, "not measured at 1M / 0.1 %; at " + Fmt.rows(c.baseRows()) + " / "
        + c.change() + ": " + x(c.ratio(Method.RMV, Method.DIFF)) + " faster", "not measured"))
        .orElse(new Row(text, "not measured", "–"));
  }

  private static Row cdc(Results r, String target, java.util.function.Predicate<Results.CdcFigures> which,
      double limit) {
    List<Results.CdcFigures> fs = r.cdc.stream().filter(which).filter(f -> !Double.isNaN(f.amplification())).toList();
    if (fs.isEmpty()) {
      return new Row(target, "not measured", "–");
    }
    Results.CdcFigures worst = fs.stream().max(Comparator.comparingDouble(Results.CdcFigures::amplification))
        .orElseThrow();
    return new Row(target, "worst " + x(worst.amplification()) + " (" + worst.workload() + "); "
        + String.join(", ", fs.stream().map(f -> x(f.amplification())).toList()), verdict(worst.amplification() <= limit,
            worst.amplification() / limit));
  }

  private static Row noChange(Results r) {
    String target = "no-change refresh ≤ 2 ms (DIFF, median)";
    List<Results.Cell> cells = measured(r.section("no-change"), c -> median(c, Method.DIFF));
    if (cells.isEmpty()) {
      return new Row(target, "not measured", "–");
    }
    int base = cells.stream().mapToInt(Results.Cell::baseRows).max().orElseThrow();
    List<Results.Cell> atBase = cells.stream().filter(c -> c.baseRows() == base).toList();
    Results.Cell worst = atBase.stream().max(Comparator.comparingDouble(c -> median(c, Method.DIFF))).orElseThrow();
    Results.Cell best = atBase.stream().min(Comparator.comparingDouble(c -> median(c, Method.DIFF))).orElseThrow();
    double w = median(worst, Method.DIFF);
    return new Row(target, "at " + Fmt.rows(base) + ": " + Fmt.ms(median(best, Method.DIFF)) + "–" + Fmt.ms(w)
        + " ms (worst " + worst.scenario() + ")", verdict(w <= 2.0, w / 2.0));
  }

  private static Row immediate(Results r) {
    String target = "IMMEDIATE single-row UPDATE overhead ≤ +1.5 ms (half of pg_ivm's +3 ms), join";
    if (r.immediate == null || Double.isNaN(r.immediate.joinOverheadMs())) {
      return new Row(target, "not measured", "–");
    }
    double j = r.immediate.joinOverheadMs();
    return new Row(target, ImmediateSection.format(j) + " ms/UPDATE at " + Fmt.rows(r.immediate.rows())
        + " rows (join and aggregate: " + ImmediateSection.format(r.immediate.joinAggOverheadMs()) + " ms)",
        verdict(j <= 1.5, j / 1.5));
  }

  private static Row auto(Results r) {
    String target = "AUTO within 10 % of the faster of FULL and DIFF, in every cell";
    List<Results.Cell> cells = measured(r.cells.stream().filter(c -> !c.section().equals("flatness")).toList(),
        Results.Cell::autoOverBest);
    if (cells.isEmpty()) {
      return new Row(target, "not measured", "–");
    }
    List<Results.Cell> off = cells.stream().filter(c -> c.autoOverBest() > 1.10).toList();
    Results.Cell worst = cells.stream().max(Comparator.comparingDouble(Results.Cell::autoOverBest)).orElseThrow();
    return new Row(target, (cells.size() - off.size()) + " of " + cells.size() + " cells; worst " + x(worst.autoOverBest())
        + " (" + where(worst) + ")", verdict(off.isEmpty(), worst.autoOverBest() / 1.10));
  }

  private static List<Results.Cell> measured(List<Results.Cell> cells, ToDoubleFunction<Results.Cell> f) {
    return cells.stream().filter(c -> !Double.isNaN(f.applyAsDouble(c))).toList();
  }

  private static double median(Results.Cell c, Method m) {
    Results.MethodFigures f = c.methods().get(m);
    return f == null || !f.measured() ? Double.NaN : f.medianMs();
  }

  private static String where(Results.Cell c) {
    return c.scenario() + ", " + Fmt.rows(c.baseRows()) + ", " + c.change();
  }

  /** "met", or "not met (N× off)" where N is the measured figure over the target (or its inverse for speed-ups). */
  private static String verdict(boolean met, double factor) {
    return met ? "met" : "**not met** (" + String.format(Locale.ROOT, "%.1f", factor) + "× off)";
  }

  private static String x(double v) {
    return Fmt.ratio(v) + "×";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
