package io.pgtrickle.dvm.catalog;

/**
 * {@code pg_proc.provolatile}. Only {@link #VOLATILE} stops differential maintenance: a stable
 * function (such as {@code now()}) returns one value within a statement, and a refresh is one
 * statement over one snapshot.
 */
public enum Volatility {
  IMMUTABLE('i'), STABLE('s'), VOLATILE('v');

  private final char code;

  Volatility(char code) {
    this.code = code;
  }

  /** The volatility for a {@code provolatile} letter. */
  public static Volatility of(char provolatile) {
    for (Volatility v : values()) {
      if (v.code == provolatile) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown provolatile " + provolatile);
  }

  /** The more volatile of the two. */
  public Volatility max(Volatility other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
