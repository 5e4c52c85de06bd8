package io.pgtrickle.corpus.fuzz;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the cases of seeds {@code base, base+1, …}: counts verdicts and modes, shrinks every failure and
 * prints its reproducer (schema, data, query, DML, seed) to {@code out}. Stops after {@code cases} cases
 * or when the time budget is spent.
 */
public final class FuzzCampaign {

  /** Counts of one campaign, and the shrunk reproducers of its failures. */
  public record Summary(int cases, int invalid, int differential, int full, List<String> failures,
      Map<String, Integer> fallbackReasons) {
    @Override
    public String toString() {
      return cases + " cases: " + (cases - invalid) + " run (" + differential + " differential, " + full
          + " FULL fallback), " + invalid + " invalid, " + failures.size() + " failures";
    }

    /** The FULL fallback reasons with their counts, most frequent first. */
    public String fallbackReport() {
      StringBuilder out = new StringBuilder();
      fallbackReasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> out.append("  ").append(e.getValue()).append(" × ").append(e.getKey()).append('\n'));
      return out.toString();
    }
  }

  private final CaseRunner runner;
  private final PrintStream out;

  public FuzzCampaign(CaseRunner runner, PrintStream out) {
    this.runner = runner;
    this.out = out;
  }

  public Summary run(long baseSeed, int cases, long budgetMillis, int progressEvery) throws SQLException {
    long deadline = System.currentTimeMillis() + budgetMillis;
    int invalid = 0;
    int differential = 0;
    int full = 0;
    int ran = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> reasons = new TreeMap<>();
    for (int i = 0; i < cases && System.currentTimeMillis() < deadline; i++) {
      long seed = baseSeed + i;
      FuzzCase fuzzCase = CaseGenerator.generate(seed);
      CaseResult result = runner.run(fuzzCase);
      ran++;
      switch (result.verdict()) {
        case INVALID -> invalid++;
        default -> {
          if ("differential".equals(result.mode())) {
            differential++;
          } else {
            full++;
            if (result.verdict() == CaseResult.Verdict.PASS && result.detail() != null) {
              reasons.merge(result.detail(), 1, Integer::sum);
            }
          }
        }
      }
      if (result.failed()) {
        FuzzCase shrunk = new Shrinker(Shrinker.sameVerdict(runner, result), 300).shrink(fuzzCase);
        CaseResult again = runner.run(shrunk);
        String report = "FUZZ FAILURE seed " + seed + " (" + result.verdict() + ", mode " + result.mode() + "): "
            + result.detail() + "\nshrunk reproducer (" + again.verdict() + ": " + again.detail() + "):\n"
            + shrunk.script();
        out.println(report);
        failures.add(report);
      }
      if (progressEvery > 0 && ran % progressEvery == 0) {
        out.println("fuzz progress: " + new Summary(ran, invalid, differential, full, failures, reasons));
      }
    }
    return new Summary(ran, invalid, differential, full, List.copyOf(failures), Map.copyOf(reasons));
  }
}
