package io.pgtrickle.refresh.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How {@code refresh_mode = auto} chooses, per refresh of a differential stream table, between
 * applying the delta and recomputing (FULL). A pure function of its {@link Inputs}, unit-tested
 * without a database. The size of a refresh is the number of change rows of its sources in the window
 * (not the rows of the result delta: an aggregate over 10,000 changed rows may change 10 groups). The
 * rules, in order:
 *
 * <ol>
 *   <li>fewer pending changes than {@link #minChangesForFull}: DIFFERENTIAL. A small delta is never
 *       sent to FULL, whatever the history says (pg_trickle issue #1033: a stale or wrongly recorded
 *       FULL timing made every 1-row delta of a large table run FULL);
 *   <li>change ratio (pending changes / rows of the sources) at least {@link #maxChangeRatio}: FULL,
 *       recomputing is cheaper than reading and joining that many changes (skipped while the size of
 *       a source is unknown);
 *   <li>{@link #remeasureAfterFulls} FULL refreshes in a row since the last differential one:
 *       DIFFERENTIAL once, so that a differential timing that was slow by accident (or a table that has
 *       changed shape) does not keep the stream table on FULL forever;
 *   <li>measured evidence: with a recent ({@link #maxFullAgeSeconds}) FULL timing and differential
 *       refreshes of comparable size, the differential time is predicted from them ({@link #predict})
 *       and, if it exceeds the FULL time: FULL. "Comparable" means within a factor
 *       {@link #maxExtrapolation} of the sizes measured: the cost of a differential refresh grows far
 *       less than linearly with its size (its fixed part and index lookups dominate), so a straight
 *       line drawn through small refreshes wildly overestimates large ones;
 *   <li>otherwise DIFFERENTIAL (a size never measured is measured by running it).
 * </ol>
 */
public record AutoCostModel(long minChangesForFull, double maxChangeRatio, int remeasureAfterFulls,
    double maxFullAgeSeconds, double maxExtrapolation) {

  /** At least 1000 changes for FULL; ratio 0.3; re-measure after 8 FULLs; FULL timing ≤ 1 h old; 2×. */
  public static final AutoCostModel DEFAULT = new AutoCostModel(1000, 0.3, 8, 3600, 2.0);

  /** One past differential refresh: source change rows it read and its duration. */
  public record Sample(long changes, double millis) {}

  /** The last executed FULL refresh: duration and age. */
  public record FullTiming(double millis, double ageSeconds) {}

  /**
   * @param pendingChanges change rows in the window (may be capped: any value ≥ the FULL thresholds
   *     decides the same)
   * @param sourceRows estimated rows of the sources together (pg_class.reltuples); negative when
   *     unknown (a source never analysed or vacuumed), which skips the change-ratio rule
   * @param samples recent differential refreshes that counted their changes, newest first
   * @param lastFull the last executed FULL, if any
   * @param fullsSinceDifferential FULL refreshes executed after the newest differential one
   */
  public record Inputs(long pendingChanges, long sourceRows, List<Sample> samples,
      Optional<FullTiming> lastFull, int fullsSinceDifferential) {}

  /** The choice, with the reason recorded in history when it is FULL. */
  public record Decision(boolean full, String reason) {}

  public Decision decide(Inputs in) {
    long pending = in.pendingChanges();
    if (pending < minChangesForFull) {
      return new Decision(false, "small delta (" + pending + " changes)");
    }
    double ratio = (double) pending / Math.max(1, in.sourceRows());
    if (in.sourceRows() >= 0 && ratio >= maxChangeRatio) {
      return new Decision(true, String.format(Locale.ROOT,
          "auto: %d pending changes are %.0f%% of the sources' %d rows (limit %.0f%%)",
          pending, ratio * 100, in.sourceRows(), maxChangeRatio * 100));
    }
    if (in.fullsSinceDifferential() >= remeasureAfterFulls) {
      return new Decision(false, "re-measuring differential after " + in.fullsSinceDifferential()
          + " FULL refreshes");
    }
    Optional<Double> predicted = predict(in.samples(), pending);
    if (predicted.isPresent() && in.lastFull().isPresent()
        && in.lastFull().get().ageSeconds() <= maxFullAgeSeconds) {
      double fullMillis = in.lastFull().get().millis();
      if (predicted.get() > fullMillis) {
        return new Decision(true, String.format(Locale.ROOT,
            "auto: differential predicted at %.0f ms for %d changes, FULL took %.0f ms",
            predicted.get(), pending, fullMillis));
      }
      return new Decision(false, "differential predicted cheaper");
    }
    return new Decision(false, "no comparable measurement: differential");
  }

  /**
   * The differential time for {@code changes}, from the samples: the median duration per measured
   * size, interpolated linearly between the two measured sizes around {@code changes}; beyond the
   * smallest or largest size, scaled in proportion to it, up to a factor {@link #maxExtrapolation}.
   * Empty without samples or when {@code changes} is further than that from every measured size.
   */
  Optional<Double> predict(List<Sample> samples, long changes) {
    TreeMap<Long, List<Double>> bySize = new TreeMap<>();
    for (Sample s : samples) {
      if (s.changes() > 0) {
        bySize.computeIfAbsent(s.changes(), k -> new ArrayList<>()).add(s.millis());
      }
    }
    if (bySize.isEmpty()) {
      return Optional.empty();
    }
    long smallest = bySize.firstKey();
    long largest = bySize.lastKey();
    if (changes > largest * maxExtrapolation || changes * maxExtrapolation < smallest) {
      return Optional.empty();
    }
    if (changes >= largest) {
      return Optional.of(median(bySize.get(largest)) * changes / largest);
    }
    if (changes <= smallest) {
      return Optional.of(median(bySize.get(smallest)) * changes / smallest);
    }
    long below = bySize.floorKey(changes);
    long above = bySize.ceilingKey(changes);
    double low = median(bySize.get(below));
    if (below == above) {
      return Optional.of(low);
    }
    double high = median(bySize.get(above));
    return Optional.of(low + (high - low) * (changes - below) / (double) (above - below));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
