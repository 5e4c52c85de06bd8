package io.pgtrickle.benchmarks.e2e;

import java.time.Duration;

/** A time bound on the monotonic clock. */
record Deadline(long endNanos) {

  static Deadline in(Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos());
  }

  boolean expired() {
    return System.nanoTime() - endNanos > 0;
  }

  /** The earlier of this and {@code other}. */
  Deadline min(Deadline other) {
    return endNanos - other.endNanos <= 0 ? this : other;
  }
}
