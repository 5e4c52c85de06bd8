package io.pgtrickle.refresh.option;

import java.util.Locale;

/** Values of {@code pgtrickle.cdc_mode}: how changes of the sources are captured. */
public enum CdcMode implements OptionValue {
  /** Triggers first, logical decoding when available. */
  AUTO,
  /** Statement-level triggers with transition tables. */
  TRIGGER,
  /** Logical decoding of the WAL. */
  WAL;

  @Override
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
