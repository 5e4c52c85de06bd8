package io.pgtrickle.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.postgresql.util.PGobject;

/** Normalises result values so that equal-by-value cells compare equal, and prints them. */
final class Values {
  /** Significant digits kept of a double (float8); its shortest decimal form is rounded to this. */
  static final int DOUBLE_DIGITS = 10;
  /** Significant digits kept of a real (float4). */
  static final int REAL_DIGITS = 6;
  /** Relative tolerance used to pair rows that still differ after rounding (rounding-boundary cases). */
  static final double DOUBLE_TOLERANCE = 1e-9;
  static final double REAL_TOLERANCE = 1e-5;

  private Values() {}

  /** Relative tolerance for a column of this JDBC type, or 0 for an exactly compared column. */
  static double tolerance(int jdbcType) {
    return switch (jdbcType) {
      case Types.REAL -> REAL_TOLERANCE;
      case Types.FLOAT, Types.DOUBLE -> DOUBLE_TOLERANCE;
      default -> 0;
    };
  }

  /**
   * The normalised value of column {@code i}: numbers as stripped {@link BigDecimal} (floats rounded to a few
   * significant digits; NaN and infinities stay {@link Double}), arrays, PGobjects (vector, jsonb, interval…)
   * and other driver types as their PostgreSQL text form, bytea as {@code \x…} text; {@code null} for NULL.
   */
  static Object read(ResultSet rs, int i) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null) {
      return null;
    }
    if (v instanceof Double d) {
      return approximate(d, Double.toString(d), DOUBLE_DIGITS);
    }
    if (v instanceof Float f) {
      return approximate(f.doubleValue(), Float.toString(f), REAL_DIGITS);
    }
    if (v instanceof BigDecimal b) {
      return exact(b);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return exact(BigDecimal.valueOf(((Number) v).longValue()));
    }
    if (v instanceof BigInteger b) {
      return exact(new BigDecimal(b));
    }
    if (v instanceof String || v instanceof Boolean || v instanceof UUID || v instanceof java.util.Date) {
      return v;
    }
    if (v instanceof PGobject o) {
      return o.getValue();
    }
    if (v instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    // java.sql.Array, hstore maps, geometric types, anything else: the server's text form.
    String text = rs.getString(i);
    return text == null ? null : text;
  }

  private static BigDecimal exact(BigDecimal b) {
    return b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
  }

  private static Object approximate(double d, String shortest, int digits) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return exact(new BigDecimal(shortest).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
  }

  /** Whether two normalised cells are equal within a relative tolerance (0: exactly). */
  static boolean close(Object a, Object b, double tolerance) {
    if (java.util.Objects.equals(a, b)) {
      return true;
    }
    if (tolerance <= 0 || !(a instanceof BigDecimal x) || !(b instanceof BigDecimal y)) {
      return false;
    }
    BigDecimal diff = x.subtract(y).abs();
    BigDecimal scale = x.abs().max(y.abs());
    return diff.compareTo(scale.multiply(BigDecimal.valueOf(tolerance))) <= 0;
  }

  /** {@code (1, 'a', NULL)}. */
  static String formatRow(List<Object> row) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(format(row.get(i)));
    }
    return sb.append(')').toString();
  }

  static String format(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    return v.toString();
  }
}
