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

  /** Differential refreshes costing 5 ms + 0.01 ms per row. */
  private static final List<Sample> LINEAR = List.of(new Sample(10, 5.1), new Sample(100, 6),
      new Sample(1000, 15), new Sample(5000, 55), new Sample(20000, 205));

  @Test
  void tinyDeltasNeverGoFullWhateverTheHistory() {
    // pg_trickle #1033: a near-zero FULL timing must not force FULL for a 1-row delta on a big table
    Inputs in = new Inputs(1, 1_000_000, LINEAR, Optional.of(new FullTiming(0.001, 10)));
    assertFalse(MODEL.decide(in).full());
    Inputs noHistory = new Inputs(999, 1_000_000, List.of(), Optional.empty());
    assertFalse(MODEL.decide(noHistory).full());
    Inputs smallTable = new Inputs(999, 10, List.of(), Optional.empty());
    assertFalse(MODEL.decide(smallTable).full(), "ratio 99.9 but under the minimum");
  }

  @Test
  void aHighChangeRatioGoesFull() {
    AutoCostModel.Decision d = MODEL.decide(new Inputs(40_000, 100_000, List.of(), Optional.empty()));
    assertTrue(d.full());
    assertEquals("auto: 40000 pending changes are 40% of the sources' 100000 rows (limit 30%)", d.reason());
    assertFalse(MODEL.decide(new Inputs(20_000, 100_000, List.of(), Optional.empty())).full());
    assertFalse(MODEL.decide(new Inputs(40_000, -1, List.of(), Optional.empty())).full(),
        "a source of unknown size gives no ratio");
    assertTrue(MODEL.decide(new Inputs(1000, 0, List.of(), Optional.empty())).full(),
        "an analysed empty source");
  }

  @Test
  void historyPredictsAndComparesWithARecentFull() {
    // predicted 5 + 0.01 * 100000 = 1005 ms against FULL 500 ms × 1.5 = 750 ms: FULL
    Inputs slow = new Inputs(100_000, 10_000_000, LINEAR, Optional.of(new FullTiming(500, 60)));
    AutoCostModel.Decision d = MODEL.decide(slow);
    assertTrue(d.full(), d.reason());
    assertEquals("auto: differential predicted at 1005 ms for 100000 changes, FULL took 500 ms",
        d.reason());
    // FULL slower: stay differential
    assertFalse(MODEL.decide(new Inputs(100_000, 10_000_000, LINEAR,
        Optional.of(new FullTiming(2000, 60)))).full());
  }

  @Test
  void aStaleOrMissingFullTimingDoesNotDecide() {
    assertFalse(MODEL.decide(new Inputs(100_000, 10_000_000, LINEAR,
        Optional.of(new FullTiming(500, 7200)))).full(), "FULL timing older than an hour");
    assertFalse(MODEL.decide(new Inputs(100_000, 10_000_000, LINEAR, Optional.empty())).full());
    assertFalse(MODEL.decide(new Inputs(100_000, 10_000_000, LINEAR.subList(0, 4),
        Optional.of(new FullTiming(500, 60)))).full(), "too few samples");
  }

  @Test
  void predictionNeedsSpreadAndNeverGoesNegative() {
    List<Sample> same = List.of(new Sample(10, 1), new Sample(10, 2), new Sample(10, 3),
        new Sample(10, 4), new Sample(10, 5));
    assertEquals(Optional.empty(), MODEL.predict(same, 1000));
    List<Sample> decreasing = List.of(new Sample(1, 50), new Sample(10, 40), new Sample(100, 30),
        new Sample(1000, 20), new Sample(10000, 10));
    assertTrue(MODEL.predict(decreasing, 1_000_000).orElseThrow() >= 0);
  }
}
