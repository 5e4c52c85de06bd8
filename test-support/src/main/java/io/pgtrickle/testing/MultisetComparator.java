package io.pgtrickle.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Multiset difference of two {@link RowSet}s: exact on normalised rows, then a tolerance pass for floats. */
final class MultisetComparator {
  /** Above this many (missing × unexpected) pairs the tolerance pass is skipped. */
  private static final long TOLERANCE_PASS_LIMIT = 25_000_000L;

  private MultisetComparator() {}

  static MultisetDiff compare(RowSet actual, RowSet expected) {
    if (actual.columnCount() != expected.columnCount()) {
      throw new IllegalArgumentException("column count differs: actual " + actual.columnCount() + " "
          + actual.columnNames() + ", expected " + expected.columnCount() + " " + expected.columnNames());
    }
    Map<List<Object>, Integer> remaining = new HashMap<>();
    for (List<Object> row : expected.rows()) {
      remaining.merge(row, 1, Integer::sum);
    }
    List<List<Object>> unexpected = new ArrayList<>();
    for (List<Object> row : actual.rows()) {
      Integer n = remaining.get(row);
      if (n == null) {
        unexpected.add(row);
      } else if (n == 1) {
        remaining.remove(row);
      } else {
        remaining.put(row, n - 1);
      }
    }
    List<List<Object>> missing = new ArrayList<>();
    remaining.forEach((row, n) -> {
      for (int i = 0; i < n; i++) {
        missing.add(row);
      }
    });
    double[] tolerances = merge(actual.tolerances(), expected.tolerances());
    if (hasTolerance(tolerances) && (long) missing.size() * unexpected.size() <= TOLERANCE_PASS_LIMIT) {
      pairWithinTolerance(missing, unexpected, tolerances);
    }
    return new MultisetDiff(missing, unexpected, actual.rows().size(), expected.rows().size());
  }

  /** Removes pairs (one missing, one unexpected) that are equal within the column tolerances. */
  private static void pairWithinTolerance(List<List<Object>> missing, List<List<Object>> unexpected,
      double[] tolerances) {
    for (Iterator<List<Object>> m = missing.iterator(); m.hasNext(); ) {
      List<Object> want = m.next();
      for (Iterator<List<Object>> u = unexpected.iterator(); u.hasNext(); ) {
        if (close(want, u.next(), tolerances)) {
          u.remove();
          m.remove();
          break;
        }
      }
    }
  }

  private static boolean close(List<Object> a, List<Object> b, double[] tolerances) {
    for (int i = 0; i < a.size(); i++) {
      if (!Values.close(a.get(i), b.get(i), tolerances[i])) {
        return false;
      }
    }
    return true;
  }

  private static double[] merge(double[] a, double[] b) {
    double[] m = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      m[i] = Math.max(a[i], b[i]);
    }
    return m;
  }

  private static boolean hasTolerance(double[] tolerances) {
    for (double t : tolerances) {
      if (t > 0) {
        return true;
      }
    }
    return false;
  }
}
