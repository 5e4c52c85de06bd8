package io.pgtrickle.refresh.option;

import java.util.Locale;

/** Values of {@code pgtrickle.diamond_consistency}. */
public enum DiamondConsistency implements OptionValue {
  /** Branches of a diamond refresh independently. */
  NONE,
  /** All stream tables of a diamond refresh in one transaction. */
  ATOMIC;

  @Override
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
