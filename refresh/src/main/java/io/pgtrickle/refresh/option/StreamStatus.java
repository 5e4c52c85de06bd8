package io.pgtrickle.refresh.option;

import java.util.Locale;

/**
 * Values of {@code pgtrickle.status} (ALTER only): whether the scheduler refreshes the stream table.
 * The catalog's third status, {@code error}, is set by a failed refresh and cannot be asked for.
 */
public enum StreamStatus implements OptionValue {
  /** Scheduled refreshes run; setting it resumes a suspended stream table (failure count cleared). */
  ACTIVE,
  /** No scheduled refreshes until resumed; set automatically after repeated failures. */
  SUSPENDED;

  @Override
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
