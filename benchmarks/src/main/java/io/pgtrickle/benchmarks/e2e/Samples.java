package io.pgtrickle.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings in milliseconds with the rows they moved; median and p95 (nearest rank). */
final class Samples {
  private final List<Double> millis = new ArrayList<>();
  private final List<Long> inserted = new ArrayList<>();
  private final List<Long> deleted = new ArrayList<>();
  private String strategy;

  void add(double ms, long rowsInserted, long rowsDeleted, String executedStrategy) {
    millis.add(ms);
    inserted.add(rowsInserted);
    deleted.add(rowsDeleted);
    if (executedStrategy != null) {
      strategy = executedStrategy;
    }
  }

  int count() {
    return millis.size();
  }

  double median() {
    return percentile(millis, 50);
  }

  double p95() {
    return percentile(millis, 95);
  }

  /** Median rows inserted into the maintained table per refresh, -1 when unknown. */
  long medianInserted() {
    return (long) percentile(inserted.stream().map(Long::doubleValue).toList(), 50);
  }

  /** Median rows deleted from the maintained table per refresh, -1 when unknown. */
  long medianDeleted() {
    return (long) percentile(deleted.stream().map(Long::doubleValue).toList(), 50);
  }

  /** The executed strategy the engine reported last (stream tables), or null. */
  String strategy() {
    return strategy;
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
