package io.pgtrickle.benchmarks.e2e;

import java.util.List;
import java.util.Map;

/**
 * Renders {@link Results} as Markdown: machine, targets, refresh matrix, no-change latency, flatness, CDC,
 * IMMEDIATE, notes.
 */
final class MarkdownReport {
  private static final String HEADER = "| scenario | base | change | Δ src rows (upd/del/ins) | FULL ms p50 / p95 (ins/del)"
      + " | REFRESH MV ms | DIFF ms (ins/del) | AUTO ms [ran] | floor ms (ins/del) | DIFF/FULL | DIFF/RMV"
      + " | DIFF/floor | FULL/RMV | AUTO/best |\n|---|---:|---:|---|---|---|---|---|---|---:|---:|---:|---:|---:|\n";

  private MarkdownReport() {}

  static String render(Results r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# pgtrickle end-to-end benchmark\n\n").append(r.config).append("\n\n## Machine\n\n")
        .append("| what | value |\n|---|---|\n");
    for (Map.Entry<String, String> e : r.machine.entrySet()) {
      sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    }
    targets(sb, r);
    section(sb, "Refresh matrix", "Every method refreshes after the same batch of mixed changes (70 % UPDATE, "
        + "15 % DELETE, 15 % INSERT) to `src` (TPC-H scenarios: to `lineitem`); times are client-side wall time per refresh, median / p95 over the "
        + "cycles; (ins/del) = rows inserted/deleted in the maintained table per refresh (median; from "
        + "`pgt_refresh_history` for stream tables, statement counts for the floor).", r.section("matrix"));
    section(sb, "No-change refresh latency", "Refreshes with no change to any source since the previous one.",
        r.section("no-change"));
    section(sb, "Cost flatness", "A fixed-size batch as the base grows: FULL and REFRESH MV grow with the base; "
        + "differential maintenance and the floor should not.", r.section("flatness"));
    cdc(sb, r);
    immediate(sb, r);
    sb.append("\n## Notes\n\n");
    if (r.notes.isEmpty()) {
      sb.append("(none)\n");
    }
    r.notes.forEach(n -> sb.append("- ").append(n).append('\n'));
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, String intro, List<Results.Cell> cells) {
    sb.append("\n## ").append(title).append("\n\n").append(intro).append("\n\n");
    if (cells.isEmpty()) {
      sb.append("(not run)\n");
      return;
    }
    sb.append(HEADER);
    for (Results.Cell c : cells) {
      sb.append("| ").append(c.scenario()).append(" | ").append(Fmt.rows(c.baseRows())).append(" | ")
          .append(c.change()).append(" | ").append(c.rowsChanged()).append(" (").append(c.updated()).append('/')
          .append(c.deleted()).append('/').append(c.inserted()).append(") | ")
          .append(figure(c.methods().get(Method.FULL), true, false)).append(" | ")
          .append(figure(c.methods().get(Method.RMV), false, false)).append(" | ")
          .append(figure(c.methods().get(Method.DIFF), true, false)).append(" | ")
          .append(figure(c.methods().get(Method.AUTO), false, true)).append(" | ")
          .append(figure(c.methods().get(Method.FLOOR), true, false)).append(" | ")
          .append(Fmt.ratio(c.ratio(Method.DIFF, Method.FULL))).append(" | ")
          .append(Fmt.ratio(c.ratio(Method.DIFF, Method.RMV))).append(" | ")
          .append(Fmt.ratio(c.ratio(Method.DIFF, Method.FLOOR))).append(" | ")
          .append(Fmt.ratio(c.ratio(Method.FULL, Method.RMV))).append(" | ")
          .append(autoCheck(c.autoOverBest())).append(" |\n");
    }
  }

  /** AUTO over the faster of FULL and DIFF: "ok" within 10 %, else flagged. */
  static String autoCheck(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v <= 1.10 ? Fmt.ratio(v) + " ok" : "**" + Fmt.ratio(v) + " ✗**";
  }

  private static void targets(StringBuilder sb, Results r) {
    sb.append("\n## Targets\n\nEach target of the issue, checked against this run's figures. \"N× off\" is the "
        + "measured figure over the target (for speed-ups: the target over the measured speed-up).\n\n"
        + "| target | measured | verdict |\n|---|---|---|\n");
    for (Targets.Row row : Targets.evaluate(r)) {
      sb.append("| ").append(row.target()).append(" | ").append(row.measured()).append(" | ").append(row.verdict())
          .append(" |\n");
    }
  }

  private static void immediate(StringBuilder sb, Results r) {
    sb.append("\n## IMMEDIATE write overhead\n\n");
    if (r.immediate == null) {
      sb.append("(not run)\n");
      return;
    }
    sb.append("`ImmediateOverheadBenchmark` at ").append(Fmt.rows(r.immediate.rows())).append(" rows, ")
        .append(r.immediate.updates()).append(" single-row UPDATEs per phase (autocommit); client-side latency per "
            + "UPDATE. Overhead (median) with the IMMEDIATE join: ")
        .append(ImmediateSection.format(r.immediate.joinOverheadMs())).append(" ms; with the join and the aggregate: ")
        .append(ImmediateSection.format(r.immediate.joinAggOverheadMs())).append(" ms.\n\n```\n")
        .append(r.immediate.report().strip()).append("\n```\n");
  }

  private static String figure(Results.MethodFigures f, boolean rows, boolean strategy) {
    if (f == null) {
      return "–";
    }
    if (!f.measured()) {
      return f.unavailable() != null && f.unavailable().contains("0A000") ? "n/a (pending differential mode)" : "n/a";
    }
    String s = Fmt.ms(f.medianMs()) + " / " + Fmt.ms(f.p95Ms());
    if (rows && f.rowsInserted() >= 0) {
      s += " (" + f.rowsInserted() + "/" + f.rowsDeleted() + ")";
    }
    if (strategy && f.strategy() != null) {
      s += " [" + f.strategy() + "]";
    }
    return s;
  }

  private static void cdc(StringBuilder sb, Results r) {
    sb.append("\n## CDC write amplification\n\nThe same writes on a table nobody reads and on a table whose changes "
        + "are captured, alternating which goes first; times are medians over the repetitions, the amplification is "
        + "the median of the repetitions' paired ratios (with / without). ").append(r.cdcCapture).append(".\n\n");
    if (r.cdc.isEmpty()) {
      sb.append("(not run)\n");
      return;
    }
    sb.append("| workload | rows | repeats | without capture ms | with capture ms | µs/row without | µs/row with"
        + " | extra µs/row | amplification |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Results.CdcFigures f : r.cdc) {
      sb.append("| ").append(f.workload()).append(" | ").append(f.rows()).append(" | ").append(f.repeats())
          .append(" | ").append(Fmt.ms(f.plainMs())).append(" | ").append(Fmt.ms(f.capturedMs())).append(" | ")
          .append(Fmt.ms(f.plainMicrosPerRow())).append(" | ").append(Fmt.ms(f.capturedMicrosPerRow())).append(" | ")
          .append(Fmt.ms(f.extraMicrosPerRow())).append(" | ").append(Fmt.ratio(f.amplification())).append("× |\n");
    }
  }
}
