package io.pgtrickle.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batch seeds stay within what PostgreSQL's setseed accepts, however many batches a run applies. */
class ChangeApplierSeedTest {

  @Test
  void seedsStayInRangeAndDifferBetweenNeighbours() {
    // a full run applies 2 tables × 3 change rates × 5 cycles per base: 90 batches over three bases
    // took the old "seed += 0.01" from 0.1 past 1 (SQLSTATE 22023 in the 10 % cell at 1M rows)
    double seed = 0.1;
    Set<Long> recent = new HashSet<>();
    for (int batch = 0; batch < 1000; batch++) {
      double next = ChangeApplier.nextSeed(seed);
      assertTrue(next >= 0 && next < 1, "batch " + batch + ": seed " + next);
      assertTrue(Math.abs(next - seed) > 0.005, "batch " + batch + ": same seed as the one before");
      seed = next;
      if (batch < 99) {
        assertTrue(recent.add(Math.round(seed * 1000)), "batch " + batch + " repeats a seed");
      }
    }
    assertEquals(0.11, ChangeApplier.nextSeed(0.1), 1e-12);
    assertEquals(0.005, ChangeApplier.nextSeed(0.995), 1e-9);
  }
}
