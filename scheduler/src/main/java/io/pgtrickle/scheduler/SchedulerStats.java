package io.pgtrickle.scheduler;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one scheduler instance, written to its heartbeat row. */
final class SchedulerStats {

  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong ticks = new AtomicLong();

  void refreshed(int count) {
    refreshes.addAndGet(count);
  }

  void failed() {
    failures.incrementAndGet();
  }

  void ticked() {
    ticks.incrementAndGet();
  }

  long refreshes() {
    return refreshes.get();
  }

  long failures() {
    return failures.get();
  }

  long ticks() {
    return ticks.get();
  }
}
