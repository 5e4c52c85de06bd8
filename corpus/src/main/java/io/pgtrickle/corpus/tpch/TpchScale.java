package io.pgtrickle.corpus.tpch;

/**
 * Table cardinalities for a scale factor (TPC-H spec 4.2.5): SF × 200,000 parts (4 suppliers each),
 * 10,000 suppliers, 150,000 customers, 1,500,000 orders with 1–7 line items each.
 *
 * @param scaleFactor the scale factor, e.g. 0.01 for tests, 0.1–1 for benchmarks
 */
public record TpchScale(double scaleFactor) {

  public TpchScale {
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("scale factor must be positive: " + scaleFactor);
    }
  }

  public int parts() {
    return atLeast(200_000, 4);
  }

  public int suppliers() {
    return atLeast(10_000, 4);
  }

  public int customers() {
    return atLeast(150_000, 3);
  }

  public int orders() {
    return atLeast(1_500_000, 1);
  }

  /** The number of orders RF1 inserts and RF2 deletes per refresh cycle (spec 5.3.1: SF × 1,500). */
  public int refreshOrders() {
    return atLeast(1_500, 1);
  }

  /** The spec's FRACTION parameter of Q11 (0.0001 / SF). */
  public String q11Fraction() {
    return java.math.BigDecimal.valueOf(0.0001 / scaleFactor).stripTrailingZeros().toPlainString();
  }

  private int atLeast(int perUnit, int min) {
    return Math.max(min, (int) Math.round(perUnit * scaleFactor));
  }
}
