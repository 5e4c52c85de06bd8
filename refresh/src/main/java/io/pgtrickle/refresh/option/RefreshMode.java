package io.pgtrickle.refresh.option;

import java.util.Locale;

/** Values of {@code pgtrickle.refresh_mode}. */
public enum RefreshMode implements OptionValue {
  /** Differential where possible, FULL otherwise (resolved to an effective mode). */
  AUTO,
  /** Recompute with the defining query and apply the difference. */
  FULL,
  /** Apply deltas computed from captured changes. */
  DIFFERENTIAL,
  /** Maintained inside the writing transaction by generated triggers. */
  IMMEDIATE;

  @Override
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
