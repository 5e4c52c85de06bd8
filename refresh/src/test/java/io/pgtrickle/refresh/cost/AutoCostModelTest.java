package io.pgtrickle.refresh.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.cost.AutoCostModel.FullTiming;
import io.pgtrickle.refresh.cost.AutoCostModel.Inputs;
import io.pgtrickle.refresh.cost.AutoCostModel.Sample;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AUTO decision function, without a database. */
class AutoCostModelTest {

  private static final AutoCostModel MODEL = AutoCostModel.DEFAULT;

  /** Differential refreshes costing 5 ms + 0.01 ms per change. */
  private static final List<Sample> LINEAR = List.of(new Sample(10, 5.1), new Sample(100, 6),
      new Sample(1000, 15), new Sample(5000, 55), new Sample(20000, 205));

  private static Inputs inputs(long pending, long sourceRows, List<Sample> samples, Double fullMillis) {
    return new Inputs(pending, sourceRows, samples,
        fullMillis == null ? Optional.empty() : Optional.of(new FullTiming(fullMillis, 60)), 0);
  }

  @Test
  void tinyDeltasNeverGoFullWhateverTheHistory() {
    // pg_trickle #1033: a near-zero FULL timing must not force FULL for a 1-row delta on a big table
    Inputs in = new Inputs(1, 1_000_000, LINEAR, Optional.of(new FullTiming(0.001, 10)), 0);
    assertFalse(MODEL.decide(in).full());
    assertFalse(MODEL.decide(inputs(999, 1_000_000, List.of(), null)).full());
    assertFalse(MODEL.decide(inputs(999, 10, List.of(), null)).full(), "ratio 99.9 but under the minimum");
  }

  @Test
  void aHighChangeRatioGoesFull() {
    AutoCostModel.Decision d = MODEL.decide(inputs(40_000, 100_000, List.of(), null));
    assertTrue(d.full());
    assertEquals("auto: 40000 pending changes are 40% of the sources' 100000 rows (limit 30%)", d.reason());
    assertFalse(MODEL.decide(inputs(20_000, 100_000, List.of(), null)).full());
    assertFalse(MODEL.decide(inputs(40_000, -1, List.of(), null)).full(),
        "a source of unknown size gives no ratio");
    assertTrue(MODEL.decide(inputs(1000, 0, List.of(), null)).full(), "an analysed empty source");
  }

  @Test
  void measuredDifferentialSlowerThanFullGoesFull() {
    // 20000 changes measured at 205 ms; 30000 predicted at 205 × 1.5 = 307.5 ms against FULL 300 ms
    AutoCostModel.Decision d = MODEL.decide(inputs(30_000, 10_000_000, LINEAR, 300.0));
    assertTrue(d.full(), d.reason());
    assertEquals("auto: differential predicted at 308 ms for 30000 changes, FULL took 300 ms", d.reason());
    assertFalse(MODEL.decide(inputs(30_000, 10_000_000, LINEAR, 320.0)).full(), "FULL slower");
    // interpolated between 1000 (15 ms) and 5000 (55 ms): 3000 → 35 ms
    assertTrue(MODEL.decide(inputs(3000, 10_000_000, LINEAR, 34.0)).full());
    assertFalse(MODEL.decide(inputs(3000, 10_000_000, LINEAR, 36.0)).full());
  }

  @Test
  void sizesFarFromEveryMeasurementAreMeasuredNotExtrapolated() {
    // the 0.1 % refreshes of a 1M-row aggregate took 200 ms for 1000 changes; a straight line through
    // them and the no-change refreshes said 10000 changes would take ~1.7 s, more than FULL's 800 ms,
    // where differential actually took 254 ms
    List<Sample> small = List.of(new Sample(1000, 204), new Sample(1000, 190), new Sample(1000, 230));
    AutoCostModel.Decision d = MODEL.decide(inputs(10_000, 1_000_000, small, 800.0));
    assertFalse(d.full(), d.reason());
    assertEquals("no comparable measurement: differential", d.reason());
    assertEquals(Optional.empty(), MODEL.predict(small, 2001));
    assertEquals(408.0, MODEL.predict(small, 2000).orElseThrow(), 1e-9);
    assertEquals(Optional.empty(), MODEL.predict(List.of(new Sample(10_000, 300)), 4999));
    assertEquals(150.0, MODEL.predict(List.of(new Sample(10_000, 300)), 5000).orElseThrow(), 1e-9);
  }

  @Test
  void predictionUsesTheMedianPerSizeAndIgnoresNoChangeRefreshes() {
    List<Sample> noisy = List.of(new Sample(0, 30), new Sample(5000, 100), new Sample(5000, 900),
        new Sample(5000, 110));
    assertEquals(110.0, MODEL.predict(noisy, 5000).orElseThrow(), 1e-9);
    assertEquals(Optional.empty(), MODEL.predict(List.of(new Sample(0, 30)), 1000));
    assertEquals(Optional.empty(), MODEL.predict(List.of(), 1000));
  }

  @Test
  void aStaleOrMissingFullTimingDoesNotDecide() {
    assertFalse(MODEL.decide(new Inputs(30_000, 10_000_000, LINEAR,
        Optional.of(new FullTiming(100, 7200)), 0)).full(), "FULL timing older than an hour");
    assertFalse(MODEL.decide(inputs(30_000, 10_000_000, LINEAR, null)).full());
  }

  @Test
  void manyFullsInARowRemeasureDifferentialOnce() {
    Inputs stuck = new Inputs(30_000, 10_000_000, LINEAR, Optional.of(new FullTiming(100, 60)), 8);
    AutoCostModel.Decision d = MODEL.decide(stuck);
    assertFalse(d.full());
    assertEquals("re-measuring differential after 8 FULL refreshes", d.reason());
    assertTrue(MODEL.decide(new Inputs(30_000, 10_000_000, LINEAR, Optional.of(new FullTiming(100, 60)), 7))
        .full());
    assertTrue(MODEL.decide(new Inputs(40_000, 100_000, LINEAR, Optional.empty(), 8)).full(),
        "the change ratio still decides first");
  }
}
