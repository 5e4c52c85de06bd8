package io.pgtrickle.scheduler;

import java.time.Duration;

/**
 * What the scheduler does after a refresh failed, by SQLSTATE (locale-independent):
 *
 * <ul>
 *   <li>{@link Kind#CONTENTION} (40001 serialization failure, 40P01 deadlock, 55P03 lock not
 *       available): another transaction was in the way; retried at the next tick, not counted as a
 *       failure of the stream table;
 *   <li>{@link Kind#TRANSIENT} (class 08 connection, 53 insufficient resources, 57 operator
 *       intervention such as a cancelled statement or a shutdown, 58 system error, XX000 internal):
 *       counted, retried after an exponential backoff ({@link #backoff});
 *   <li>{@link Kind#PERMANENT} (everything else: a dropped column, a constraint, a bug): counted,
 *       retried after the longest backoff, since only a change to the database can fix it.
 * </ul>
 *
 * After {@link #maxConsecutiveFailures} counted failures in a row the stream table is suspended (status
 * {@code suspended}, the error kept in the catalog) until resumed.
 *
 * @param baseDelay the first backoff
 * @param maxDelay the cap of the doubling backoff
 * @param maxConsecutiveFailures failures in a row that suspend a stream table (at least 1)
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, int maxConsecutiveFailures) {

  /** 1 s doubling up to 60 s; suspend after 5 failures in a row. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5);

  public RetryPolicy {
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxConsecutiveFailures < 1) {
      throw new IllegalArgumentException("invalid retry policy");
    }
  }

  /** How a failure is treated. */
  public enum Kind {
    CONTENTION,
    TRANSIENT,
    PERMANENT
  }

  /** The decision after a counted failure. */
  public record Decision(Duration retryAfter, boolean suspend) {}

  /** The kind of failure for {@code sqlState} (null: not from the database, treated as transient). */
  public static Kind classify(String sqlState) {
    if (sqlState == null || sqlState.length() != 5) {
      return Kind.TRANSIENT;
    }
    if (sqlState.equals("40001") || sqlState.equals("40P01") || sqlState.equals("55P03")) {
      return Kind.CONTENTION;
    }
    String sqlClass = sqlState.substring(0, 2);
    return switch (sqlClass) {
      case "08", "53", "57", "58" -> Kind.TRANSIENT;
      default -> sqlState.equals("XX000") ? Kind.TRANSIENT : Kind.PERMANENT;
    };
  }

  /** baseDelay × 2^(failures − 1), capped at maxDelay; failures ≥ 1. */
  public Duration backoff(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    Duration delay = baseDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /**
   * The decision after a counted failure of {@code kind}, {@code failures} being the stream table's
   * consecutive failures including this one.
   */
  public Decision afterFailure(Kind kind, int failures) {
    Duration retry = kind == Kind.PERMANENT ? maxDelay : backoff(failures);
    return new Decision(retry, failures >= maxConsecutiveFailures);
  }
}
