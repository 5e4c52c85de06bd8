package io.pgtrickle.refresh.option;

import java.util.Locale;

/**
 * A validated {@code pgtrickle.schedule} value.
 *
 * @param kind what sort of schedule it is
 * @param text the canonical text stored in the catalog: a lower-cased duration ({@code 1h30m}), the
 *     cron expression with its whitespace collapsed, or {@code calculated}
 * @param intervalSeconds the duration in seconds for {@link Kind#DURATION}, else null
 */
public record Schedule(Kind kind, String text, Long intervalSeconds) {

  /** The three sorts of schedule. */
  public enum Kind implements OptionValue {
    /** Refresh when the data is older than a fixed duration. */
    DURATION,
    /** Refresh at the times of a 5-field (UNIX) cron expression. */
    CRON,
    /** Derived from the schedules of downstream stream tables. */
    CALCULATED;

    @Override
    public String sqlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
