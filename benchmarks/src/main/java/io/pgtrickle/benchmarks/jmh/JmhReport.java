package io.pgtrickle.benchmarks.jmh;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/**
 * The JMH results as Markdown: one row per benchmark method, one column per query (mean score ± error),
 * then delta-SQL emission per operator of each query's operator tree (the target: ≤ 10 µs per
 * operator with a warm JVM, {@code DeltaSqlBenchmark.emit}), computed from the run.
 */
public final class JmhReport {
  /** The target for {@code DeltaSqlBenchmark.emit}, µs per operator. */
  static final double EMIT_TARGET_US_PER_OPERATOR = 10.0;

  private JmhReport() {}

  /** Operators (nodes of the operator tree) of each benchmark query. */
  static Map<BenchQuery, Long> operatorCounts() {
    InMemoryCatalog catalog = TpchCatalog.build();
    Map<BenchQuery, Long> counts = new EnumMap<>(BenchQuery.class);
    for (BenchQuery q : BenchQuery.values()) {
      AnalysisResult r = new QueryAnalyzer().analyze(q.sql(), catalog);
      if (r instanceof AnalysisResult.Supported s) {
        counts.put(q, s.root().descendantsAndSelf().count());
      }
    }
    return counts;
  }

  public static String render(Collection<RunResult> results) {
    Map<String, Map<BenchQuery, RunResult>> byBenchmark = new TreeMap<>();
    for (RunResult r : results) {
      String name = shortName(r.getParams().getBenchmark());
      String q = r.getParams().getParam("query");
      if (q == null) {
        continue;
      }
      byBenchmark.computeIfAbsent(name, k -> new EnumMap<>(BenchQuery.class)).put(BenchQuery.valueOf(q), r);
    }
    Map<BenchQuery, Long> ops = operatorCounts();
    StringBuilder sb = new StringBuilder("# JMH results\n\n");
    sb.append("Load average (1 min) at the end of the run: ").append(String.format(Locale.ROOT, "%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append("; cores: ")
        .append(Runtime.getRuntime().availableProcessors()).append(". Scores are JMH means ± the 99.9 % error.\n\n");
    sb.append("| benchmark | unit |");
    for (BenchQuery q : BenchQuery.values()) {
      sb.append(' ').append(q).append(" |");
    }
    sb.append("\n|---|---|").append("---:|".repeat(BenchQuery.values().length)).append('\n');
    byBenchmark.forEach((name, row) -> {
      String unit = row.values().iterator().next().getPrimaryResult().getScoreUnit();
      sb.append("| `").append(name).append("` | ").append(unit).append(" |");
      for (BenchQuery q : BenchQuery.values()) {
        RunResult r = row.get(q);
        sb.append(' ').append(r == null ? "–" : score(r.getPrimaryResult().getScore())
            + (Double.isNaN(r.getPrimaryResult().getScoreError()) ? "" : " ± "
                + score(r.getPrimaryResult().getScoreError()))).append(" |");
      }
      sb.append('\n');
    });
    sb.append("\n## Delta-SQL emission per operator\n\n");
    sb.append("| query | operators | `emit` µs | `emit` µs/operator | `emitCached` µs | `emitCached` µs/operator |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    Map<BenchQuery, RunResult> emit = byBenchmark.getOrDefault("DeltaSqlBenchmark.emit", Map.of());
    Map<BenchQuery, RunResult> cached = byBenchmark.getOrDefault("DeltaSqlBenchmark.emitCached", Map.of());
    List<Double> perOp = new ArrayList<>();
    BenchQuery worst = null;
    double worstPerOp = -1;
    for (BenchQuery q : BenchQuery.values()) {
      Long n = ops.get(q);
      if (n == null || (!emit.containsKey(q) && !cached.containsKey(q))) {
        continue;
      }
      double e = micros(emit.get(q));
      double c = micros(cached.get(q));
      if (!Double.isNaN(e)) {
        perOp.add(e / n);
        if (e / n > worstPerOp) {
          worstPerOp = e / n;
          worst = q;
        }
      }
      sb.append("| ").append(q).append(" | ").append(n).append(" | ").append(score(e)).append(" | ")
          .append(score(e / n)).append(" | ").append(score(c)).append(" | ").append(score(c / n)).append(" |\n");
    }
    sb.append("\n## Target\n\n| target | measured | met |\n|---|---|---|\n");
    if (perOp.isEmpty()) {
      sb.append("| delta-SQL emission ≤ ").append(score(EMIT_TARGET_US_PER_OPERATOR))
          .append(" µs per operator (warm) | not measured in this run | – |\n");
    } else {
      double max = worstPerOp;
      sb.append("| delta-SQL emission ≤ ").append(score(EMIT_TARGET_US_PER_OPERATOR))
          .append(" µs per operator (warm, `emit`, worst query) | ").append(score(max)).append(" µs/operator (")
          .append(worst).append(") | ").append(max <= EMIT_TARGET_US_PER_OPERATOR ? "met" : "**not met** ("
              + score(max / EMIT_TARGET_US_PER_OPERATOR) + "× the target)").append(" |\n");
    }
    return sb.toString();
  }

  private static double micros(RunResult r) {
    if (r == null) {
      return Double.NaN;
    }
    String unit = r.getPrimaryResult().getScoreUnit();
    double s = r.getPrimaryResult().getScore();
    return switch (unit) {
      case "ns/op" -> s / 1000;
      case "ms/op" -> s * 1000;
      case "s/op" -> s * 1_000_000;
      default -> s;
    };
  }

  private static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  static String score(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }
}
