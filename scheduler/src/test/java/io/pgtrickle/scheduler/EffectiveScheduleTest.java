package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deadline computation with fixed instants: durations and cron fire times. */
class EffectiveScheduleTest {

  private static final Instant T = Instant.parse("2026-11-22T10:00:30Z");

  @Test
  void aDurationIsDueThatLongAfterTheLastRefresh() {
    EffectiveSchedule every = new EffectiveSchedule.Every(Duration.ofMinutes(90));
    assertEquals(Optional.of(Instant.parse("2026-11-22T11:30:30Z")), every.nextDue(T));
    assertEquals(Optional.of(Instant.EPOCH), every.nextDue(null), "never refreshed: due at once");
  }

  @Test
  void everyMinuteCronFiresAtTheNextFullMinute() {
    EffectiveSchedule cron = new EffectiveSchedule.At("* * * * *", ZoneOffset.UTC);
    assertEquals(Optional.of(Instant.parse("2026-11-22T10:01:00Z")), cron.nextDue(T));
    // a refresh exactly at a fire time waits for the next one
    assertEquals(Optional.of(Instant.parse("2026-11-22T10:02:00Z")),
        cron.nextDue(Instant.parse("2026-11-22T10:01:00Z")));
  }

  @Test
  void cronIsReadInItsZone() {
    EffectiveSchedule utc = new EffectiveSchedule.At("0 3 * * *", ZoneOffset.UTC);
    EffectiveSchedule berlin = new EffectiveSchedule.At("0 3 * * *", ZoneId.of("Europe/Berlin"));
    assertEquals(Optional.of(Instant.parse("2026-11-23T03:00:00Z")), utc.nextDue(T));
    assertEquals(Optional.of(Instant.parse("2026-11-23T02:00:00Z")), berlin.nextDue(T));
    assertEquals(Optional.of(Instant.EPOCH), utc.nextDue(null));
  }

  @Test
  void aStepAndRangeCron() {
    EffectiveSchedule cron = new EffectiveSchedule.At("*/15 9-17 * * 1-5", ZoneOffset.UTC);
    // 2026-11-22 is a Sunday: next is Monday 09:00
    assertEquals(Optional.of(Instant.parse("2026-11-23T09:00:00Z")), cron.nextDue(T));
    assertEquals(Optional.of(Instant.parse("2026-11-23T09:15:00Z")),
        cron.nextDue(Instant.parse("2026-11-23T09:00:00Z")));
  }

  @Test
  void withoutScheduleNeverDue() {
    assertEquals(Optional.empty(), new EffectiveSchedule.Never().nextDue(T));
  }
}
