package io.pgtrickle.corpus.fuzz;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the cases of seeds {@code base, base+1, …}, world by world: the cases of one world
 * ({@link CaseGenerator#CASES_PER_WORLD} consecutive seeds) run side by side over the same sources and DML
 * ({@link CaseRunner#runAll}). Counts verdicts, modes and operator kinds; shrinks every failure alone (as the
 * self-contained case its seed generates) and prints its reproducer (schema, data, query, DML, seed) to
 * {@code out}. Stops after {@code cases} cases or when the time budget is spent (a started world finishes).
 * With several runners (each on its own database) the worlds are shared out among one thread per runner.
 */
public final class FuzzCampaign {

  /** Counts of one campaign, and the shrunk reproducers of its failures. */
  public record Summary(int cases, int invalid, int differential, int full, List<String> failures,
      Map<String, Integer> fallbackReasons, Map<String, int[]> operators, long elapsedMillis) {
    @Override
    public String toString() {
      return cases + " cases: " + (cases - invalid) + " run (" + differential + " differential, " + full
          + " FULL fallback), " + invalid + " invalid, " + failures.size() + " failures, "
          + elapsedMillis / 1000 + " s (" + String.format("%.1f", cases * 60_000.0 / Math.max(1, elapsedMillis))
          + " cases/min)";
    }

    /** The FULL fallback reasons with their counts, most frequent first. */
    public String fallbackReport() {
      StringBuilder out = new StringBuilder();
      fallbackReasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> out.append("  ").append(e.getValue()).append(" × ").append(e.getKey()).append('\n'));
      return out.toString();
    }

    /** Per operator kind: the cases that used it, maintained differentially / FULL. */
    public String operatorReport() {
      StringBuilder out = new StringBuilder("  operator                     cases  differential  FULL\n");
      operators.forEach((tag, counts) -> out.append(String.format("  %-27s %6d  %12d  %4d%n", tag,
          counts[0] + counts[1], counts[0], counts[1])));
      return out.toString();
    }
  }

  private final List<CaseRunner> runners;
  private final PrintStream out;

  public FuzzCampaign(CaseRunner runner, PrintStream out) {
    this(List.of(runner), out);
  }

  public FuzzCampaign(List<CaseRunner> runners, PrintStream out) {
    this.runners = List.copyOf(runners);
    this.out = out;
  }

  public Summary run(long baseSeed, int cases, long budgetMillis, int progressEvery) throws SQLException {
    long start = System.currentTimeMillis();
    long deadline = start + budgetMillis;
    long end = baseSeed + cases;
    AtomicLong nextWorld = new AtomicLong(CaseGenerator.worldSeed(baseSeed));
    FuzzTally tally = new FuzzTally();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> crashes = new ArrayList<>();
    for (CaseRunner runner : runners) {
      Thread thread = new Thread(() -> {
        try {
          work(runner, nextWorld, baseSeed, end, deadline, tally, progressEvery, start);
        } catch (SQLException | RuntimeException e) {
          synchronized (crashes) {
            crashes.add(e);
          }
        }
      }, "fuzz-worker-" + threads.size());
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (!crashes.isEmpty()) {
      Throwable first = crashes.get(0);
      if (first instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(first.getMessage(), first);
    }
    return tally.summary(System.currentTimeMillis() - start);
  }

  private void work(CaseRunner runner, AtomicLong nextWorld, long baseSeed, long end, long deadline,
      FuzzTally tally, int progressEvery, long start) throws SQLException {
    while (System.currentTimeMillis() < deadline) {
      long world = nextWorld.getAndAdd(CaseGenerator.CASES_PER_WORLD);
      if (world >= end) {
        return;
      }
      List<FuzzCase> worldCases = new ArrayList<>();
      for (long seed = Math.max(world, baseSeed); seed < Math.min(end, world + CaseGenerator.CASES_PER_WORLD);
          seed++) {
        worldCases.add(CaseGenerator.generate(seed));
      }
      List<CaseResult> results = runner.runAll(worldCases);
      for (int i = 0; i < worldCases.size(); i++) {
        FuzzCase fuzzCase = worldCases.get(i);
        CaseResult result = results.get(i);
        if (result.failed()) {
          String report = reproduce(runner, fuzzCase, result, world);
          out.println(report);
          tally.fail(report);
        }
        if (isDefectFallback(result)) {
          out.println("fuzz note: " + fuzzCase.origin() + " fell back to FULL: "
              + result.detail().lines().findFirst().orElse("") + "\n  query: " + fuzzCase.query());
        }
        int counted = tally.add(fuzzCase, result);
        if (progressEvery > 0 && counted % progressEvery == 0) {
          out.println("fuzz progress: " + tally.summary(System.currentTimeMillis() - start));
        }
      }
    }
  }

  /**
   * A passing case maintained FULL for a reason that points at a defect of ours (Calcite could not convert
   * the query, or PostgreSQL could not run the delta query we generated) rather than at a construct we do
   * not maintain differentially: correct, but worth a look, so its seed is logged.
   */
  static boolean isDefectFallback(CaseResult result) {
    return result.verdict() == CaseResult.Verdict.PASS && "full".equals(result.mode()) && result.detail() != null
        && (result.detail().startsWith("conversion failed") || result.detail().startsWith("PostgreSQL cannot run"));
  }

  /** Shrinks a failing case alone; says so when it does not fail without the other cases of its world. */
  private static String reproduce(CaseRunner runner, FuzzCase fuzzCase, CaseResult result, long world)
      throws SQLException {
    String head = "FUZZ FAILURE " + fuzzCase.origin() + " (" + result.verdict() + ", mode " + result.mode() + "): "
        + result.detail() + "\n";
    CaseResult alone = runner.run(fuzzCase);
    if (alone.verdict() != result.verdict()) {
      return head + "it does not fail alone (" + alone.verdict() + ": " + alone.detail() + "); it needs the other"
          + " cases of its world: replay with -Dpgtrickle.seed=" + world + " -Dpgtrickle.fuzz.cases="
          + CaseGenerator.CASES_PER_WORLD + "\nthe case:\n" + fuzzCase.script();
    }
    FuzzCase shrunk = new Shrinker(Shrinker.sameVerdict(runner, result), 300).shrink(fuzzCase);
    CaseResult again = runner.run(shrunk);
    return head + "shrunk reproducer (" + again.verdict() + ": " + again.detail() + "):\n" + shrunk.script();
  }
}
