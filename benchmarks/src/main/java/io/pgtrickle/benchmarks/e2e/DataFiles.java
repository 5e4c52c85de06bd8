package io.pgtrickle.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders {@link Results} as CSV (one line per cell and method; one per CDC workload) and as JSON. */
final class DataFiles {
  private DataFiles() {}

  static String refreshCsv(Results r) {
    StringBuilder sb = new StringBuilder("section,scenario,base_rows,change,rows_changed,updated,deleted,inserted,"
        + "method,cycles,median_ms,p95_ms,rows_inserted,rows_deleted,executed_strategy,unavailable\n");
    for (Results.Cell c : r.cells) {
      for (Results.MethodFigures f : c.methods().values()) {
        sb.append(String.join(",", c.section(), c.scenario(), String.valueOf(c.baseRows()), c.change(),
            String.valueOf(c.rowsChanged()), String.valueOf(c.updated()), String.valueOf(c.deleted()),
            String.valueOf(c.inserted()), f.method().name(), String.valueOf(f.cycles()), Fmt.num(f.medianMs()),
            Fmt.num(f.p95Ms()), String.valueOf(f.rowsInserted()), String.valueOf(f.rowsDeleted()),
            f.strategy() == null ? "" : f.strategy(), csv(f.unavailable()))).append('\n');
      }
    }
    return sb.toString();
  }

  static String cdcCsv(Results r) {
    StringBuilder sb = new StringBuilder("workload,rows,repeats,plain_ms,captured_ms,amplification,extra_us_per_row\n");
    for (Results.CdcFigures f : r.cdc) {
      sb.append(String.join(",", f.workload(), String.valueOf(f.rows()), String.valueOf(f.repeats()),
          Fmt.num(f.plainMs()), Fmt.num(f.capturedMs()), Fmt.num(f.amplification()), Fmt.num(f.extraMicrosPerRow())))
          .append('\n');
    }
    return sb.toString();
  }

  static String json(Results r) {
    List<String> cells = new ArrayList<>();
    for (Results.Cell c : r.cells) {
      List<String> methods = new ArrayList<>();
      for (Results.MethodFigures f : c.methods().values()) {
        methods.add("{\"method\":" + str(f.method().name()) + ",\"unavailable\":" + str(f.unavailable())
            + ",\"cycles\":" + f.cycles() + ",\"median_ms\":" + num(f.medianMs()) + ",\"p95_ms\":" + num(f.p95Ms())
            + ",\"rows_inserted\":" + f.rowsInserted() + ",\"rows_deleted\":" + f.rowsDeleted()
            + ",\"executed_strategy\":" + str(f.strategy()) + "}");
      }
      cells.add("{\"section\":" + str(c.section()) + ",\"scenario\":" + str(c.scenario()) + ",\"base_rows\":"
          + c.baseRows() + ",\"change\":" + str(c.change()) + ",\"rows_changed\":" + c.rowsChanged()
          + ",\"updated\":" + c.updated() + ",\"deleted\":" + c.deleted() + ",\"inserted\":" + c.inserted()
          + ",\"diff_over_full\":" + num(c.ratio(Method.DIFF, Method.FULL)) + ",\"diff_over_rmv\":"
          + num(c.ratio(Method.DIFF, Method.RMV)) + ",\"diff_over_floor\":" + num(c.ratio(Method.DIFF, Method.FLOOR))
          + ",\"auto_over_best\":" + num(c.autoOverBest()) + ",\"methods\":[" + String.join(",", methods) + "]}");
    }
    List<String> cdc = new ArrayList<>();
    for (Results.CdcFigures f : r.cdc) {
      cdc.add("{\"workload\":" + str(f.workload()) + ",\"rows\":" + f.rows() + ",\"repeats\":" + f.repeats()
          + ",\"plain_ms\":" + num(f.plainMs()) + ",\"captured_ms\":" + num(f.capturedMs()) + ",\"amplification\":"
          + num(f.amplification()) + "}");
    }
    List<String> machine = new ArrayList<>();
    for (Map.Entry<String, String> e : r.machine.entrySet()) {
      machine.add(str(e.getKey()) + ":" + str(e.getValue()));
    }
    return "{\"config\":" + str(r.config) + ",\"machine\":{" + String.join(",", machine) + "},\"cells\":[\n"
        + String.join(",\n", cells) + "\n],\"cdc_capture\":" + str(r.cdcCapture) + ",\"cdc\":[\n"
        + String.join(",\n", cdc) + "\n],\"immediate\":" + immediate(r.immediate) + ",\"notes\":[" + String.join(",", r.notes.stream().map(DataFiles::str).toList())
        + "]}\n";
  }

  private static String immediate(Results.Immediate i) {
    if (i == null) {
      return "null";
    }
    return "{\"rows\":" + i.rows() + ",\"updates\":" + i.updates() + ",\"join_overhead_ms\":" + num(i.joinOverheadMs())
        + ",\"join_agg_overhead_ms\":" + num(i.joinAggOverheadMs()) + ",\"report\":" + str(i.report()) + "}";
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Fmt.num(v);
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\"";
  }

  static String str(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
