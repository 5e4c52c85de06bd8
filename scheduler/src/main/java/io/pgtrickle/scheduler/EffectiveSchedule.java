package io.pgtrickle.scheduler;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a stream table is due, once {@code calculated} is resolved: every so often, at cron times, or
 * never (no schedule: refreshed only by REFRESH MATERIALIZED VIEW). {@link #nextDue} is a pure function
 * of the last refresh time, so it is unit-tested with any clock.
 */
public sealed interface EffectiveSchedule {

  /**
   * The first instant at which a stream table last refreshed at {@code lastRefresh} (null: never, or
   * unpopulated) is due; empty when never.
   */
  Optional<Instant> nextDue(Instant lastRefresh);

  /** Refresh when the data is older than {@code interval}. */
  record Every(Duration interval) implements EffectiveSchedule {
    public Every {
      Objects.requireNonNull(interval, "interval");
    }

    @Override
    public Optional<Instant> nextDue(Instant lastRefresh) {
      return Optional.of(lastRefresh == null ? Instant.EPOCH : lastRefresh.plus(interval));
    }
  }

  /**
   * Refresh at the fire times of a 5-field UNIX cron expression, read in {@code zone}: due at the
   * first fire time after the last refresh (a stream table never refreshed is due at once).
   */
  record At(String expression, ZoneId zone) implements EffectiveSchedule {
    private static final CronParser PARSER =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    public At {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Optional<Instant> nextDue(Instant lastRefresh) {
      if (lastRefresh == null) {
        return Optional.of(Instant.EPOCH);
      }
      Cron cron = PARSER.parse(expression);
      return ExecutionTime.forCron(cron)
          .nextExecution(ZonedDateTime.ofInstant(lastRefresh, zone))
          .map(ZonedDateTime::toInstant);
    }
  }

  /** No schedule. */
  record Never() implements EffectiveSchedule {
    @Override
    public Optional<Instant> nextDue(Instant lastRefresh) {
      return Optional.empty();
    }
  }
}
