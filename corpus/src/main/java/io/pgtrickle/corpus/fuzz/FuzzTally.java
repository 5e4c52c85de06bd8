package io.pgtrickle.corpus.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running counts of a campaign (thread-safe: workers add to one tally): verdicts, effective modes,
 * FULL fallback reasons, and per operator kind how many cases used it and how many of those were
 * maintained differentially or fell back to FULL.
 */
final class FuzzTally {

  private int cases;
  private int invalid;
  private int differential;
  private int full;
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> reasons = new HashMap<>();
  private final Map<String, int[]> operators = new HashMap<>();

  /** Counts one case; returns the number of cases counted so far. */
  synchronized int add(FuzzCase fuzzCase, CaseResult result) {
    cases++;
    if (result.verdict() == CaseResult.Verdict.INVALID) {
      invalid++;
      return cases;
    }
    boolean diff = "differential".equals(result.mode());
    if (diff) {
      differential++;
    } else {
      full++;
      if (result.verdict() == CaseResult.Verdict.PASS && result.detail() != null) {
        reasons.merge(result.detail(), 1, Integer::sum);
      }
    }
    for (String tag : OperatorTags.of(fuzzCase.query())) {
      int[] counts = operators.computeIfAbsent(tag, t -> new int[2]);
      counts[diff ? 0 : 1]++;
    }
    return cases;
  }

  synchronized void fail(String report) {
    failures.add(report);
  }

  synchronized FuzzCampaign.Summary summary(long elapsedMillis) {
    Map<String, int[]> ops = new LinkedHashMap<>();
    for (String tag : OperatorTags.all()) {
      int[] counts = operators.get(tag);
      ops.put(tag, counts == null ? new int[2] : counts.clone());
    }
    return new FuzzCampaign.Summary(cases, invalid, differential, full, List.copyOf(failures), Map.copyOf(reasons),
        ops, elapsedMillis);
  }
}
