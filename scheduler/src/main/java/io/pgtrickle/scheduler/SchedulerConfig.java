package io.pgtrickle.scheduler;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Properties;

/**
 * How a scheduler instance connects and behaves.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL (the scheduler talks to PostgreSQL directly)
 * @param properties PgJDBC connection properties (user, password, …)
 * @param maxSleep the longest the loop sleeps without a NOTIFY or a due stream table: it also bounds
 *     how late a schedule change or a new stream table is noticed
 * @param calculatedFallback the schedule of a {@code calculated} stream table that no scheduled stream
 *     table reads
 * @param heartbeat how often the instance row's heartbeat is written
 * @param retry failure handling
 * @param cronZone the time zone cron expressions are read in
 */
public record SchedulerConfig(String jdbcUrl, Properties properties, Duration maxSleep,
    Duration calculatedFallback, Duration heartbeat, RetryPolicy retry, ZoneId cronZone) {

  public SchedulerConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    properties = copy(properties);
    Objects.requireNonNull(maxSleep, "maxSleep");
    Objects.requireNonNull(calculatedFallback, "calculatedFallback");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(cronZone, "cronZone");
  }

  /**
   * The defaults: sleep at most 5 s, calculated without readers = 1 min, heartbeat every 10 s,
   * {@link RetryPolicy#DEFAULT}, cron in UTC.
   */
  public static SchedulerConfig defaults(String jdbcUrl, Properties properties) {
    return new SchedulerConfig(jdbcUrl, properties, Duration.ofSeconds(5), Duration.ofMinutes(1),
        Duration.ofSeconds(10), RetryPolicy.DEFAULT, ZoneOffset.UTC);
  }

  /** A copy with another retry policy. */
  public SchedulerConfig withRetry(RetryPolicy policy) {
    return new SchedulerConfig(jdbcUrl, properties, maxSleep, calculatedFallback, heartbeat, policy,
        cronZone);
  }

  /** A copy with another longest sleep. */
  public SchedulerConfig withMaxSleep(Duration sleep) {
    return new SchedulerConfig(jdbcUrl, properties, sleep, calculatedFallback, heartbeat, retry,
        cronZone);
  }

  private static Properties copy(Properties p) {
    Properties copy = new Properties();
    if (p != null) {
      copy.putAll(p);
    }
    return copy;
  }
}
