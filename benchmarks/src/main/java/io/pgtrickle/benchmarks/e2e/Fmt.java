package io.pgtrickle.benchmarks.e2e;

import java.util.Locale;

/** Number formatting shared by the reports. */
final class Fmt {
  private Fmt() {}

  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }

  static String ratio(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String rate(double fraction) {
    double pct = fraction * 100;
    return (pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f", pct) : String.format(Locale.ROOT, "%s", pct))
        + "%";
  }

  static String rows(int n) {
    if (n >= 1_000_000 && n % 1_000_000 == 0) {
      return (n / 1_000_000) + "M";
    }
    if (n >= 1_000 && n % 1_000 == 0) {
      return (n / 1_000) + "k";
    }
    return String.valueOf(n);
  }
}
