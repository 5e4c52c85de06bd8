package io.pgtrickle.refresh.cost;

import java.util.List;
import java.util.Optional;

/**
 * How {@code refresh_mode = auto} chooses, per refresh of a differential stream table, between
 * applying the delta and recomputing (FULL). A pure function of its {@link Inputs}, unit-tested
 * without a database. The rules, in order:
 *
 * <ol>
 *   <li>fewer pending changes than {@link #minChangesForFull}: DIFFERENTIAL. A small delta is never
 *       sent to FULL, whatever the history says (pg_trickle issue #1033: a stale or wrongly recorded
 *       FULL timing made every 1-row delta of a large table run FULL);
 *   <li>change ratio (pending changes / rows of the sources) at least {@link #maxChangeRatio}: FULL,
 *       recomputing is cheaper than reading and joining that many changes (skipped while the size of
 *       a source is unknown);
 *   <li>history: with at least {@link #minSamples} recent differential refreshes and a FULL timing that
 *       is recent ({@link #maxFullAgeSeconds}) and was <em>executed</em> as FULL, a least-squares line
 *       duration = a + b·rows through the differential samples predicts this refresh; if the
 *       prediction exceeds the FULL time × {@link #safetyMargin}: FULL;
 *   <li>otherwise DIFFERENTIAL.
 * </ol>
 */
public record AutoCostModel(long minChangesForFull, double maxChangeRatio, int minSamples,
    double maxFullAgeSeconds, double safetyMargin) {

  /** At least 1000 changes for FULL; ratio 0.3; 5 samples; FULL timing at most 1 h old; margin 1.5. */
  public static final AutoCostModel DEFAULT = new AutoCostModel(1000, 0.3, 5, 3600, 1.5);

  /** One past differential refresh: delta rows applied and its duration. */
  public record Sample(long rows, double millis) {}

  /** The last executed FULL refresh: duration and age. */
  public record FullTiming(double millis, double ageSeconds) {}

  /**
   * @param pendingChanges change rows in the window (may be capped: any value ≥ the FULL thresholds
   *     decides the same)
   * @param sourceRows estimated rows of the sources together (pg_class.reltuples); negative when
   *     unknown (a source never analysed or vacuumed), which skips the change-ratio rule
   * @param samples recent differential refreshes, newest first
   * @param lastFull the last executed FULL, if any
   */
  public record Inputs(long pendingChanges, long sourceRows, List<Sample> samples,
      Optional<FullTiming> lastFull) {}

  /** The choice, with the reason recorded in history when it is FULL. */
  public record Decision(boolean full, String reason) {}

  public Decision decide(Inputs in) {
    if (in.pendingChanges() < minChangesForFull) {
      return new Decision(false, "small delta (" + in.pendingChanges() + " changes)");
    }
    double ratio = (double) in.pendingChanges() / Math.max(1, in.sourceRows());
    if (in.sourceRows() >= 0 && ratio >= maxChangeRatio) {
      return new Decision(true, String.format(java.util.Locale.ROOT,
          "auto: %d pending changes are %.0f%% of the sources' %d rows (limit %.0f%%)",
          in.pendingChanges(), ratio * 100, in.sourceRows(), maxChangeRatio * 100));
    }
    Optional<Double> predicted = predict(in.samples(), in.pendingChanges());
    if (predicted.isPresent() && in.lastFull().isPresent()
        && in.lastFull().get().ageSeconds() <= maxFullAgeSeconds) {
      double fullMillis = in.lastFull().get().millis();
      if (predicted.get() > fullMillis * safetyMargin) {
        return new Decision(true, String.format(java.util.Locale.ROOT,
            "auto: differential predicted at %.0f ms for %d changes, FULL took %.0f ms",
            predicted.get(), in.pendingChanges(), fullMillis));
      }
    }
    return new Decision(false, "differential expected cheaper");
  }

  /** Least-squares prediction; empty with too few samples or no spread in their sizes. */
  Optional<Double> predict(List<Sample> samples, long rows) {
    if (samples.size() < minSamples) {
      return Optional.empty();
    }
    double n = samples.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Sample s : samples) {
      sx += s.rows();
      sy += s.millis();
      sxx += (double) s.rows() * s.rows();
      sxy += s.rows() * s.millis();
    }
    double denominator = n * sxx - sx * sx;
    if (denominator <= 0) {
      return Optional.empty();
    }
    double slope = Math.max(0, (n * sxy - sx * sy) / denominator);
    double intercept = Math.max(0, (sy - slope * sx) / n);
    return Optional.of(intercept + slope * rows);
  }
}
