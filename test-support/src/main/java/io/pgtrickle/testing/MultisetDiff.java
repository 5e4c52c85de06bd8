package io.pgtrickle.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between two query results seen as multisets of rows (values normalised, see
 * {@link MultisetOracle}). A row that is missing twice appears twice in {@link #missing()}.
 *
 * @param missing rows the expected query returned that the actual query lacks (in expected, not in actual)
 * @param unexpected rows the actual query returned beyond the expected ones (in actual, not in expected)
 * @param actualCount number of rows the actual query returned
 * @param expectedCount number of rows the expected query returned
 */
public record MultisetDiff(List<List<Object>> missing, List<List<Object>> unexpected, int actualCount,
    int expectedCount) {

  public MultisetDiff {
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
  }

  public boolean isEmpty() {
    return missing.isEmpty() && unexpected.isEmpty();
  }

  /** A readable report listing at most {@code maxRows} distinct rows per side, each with its multiplicity. */
  public String describe(int maxRows) {
    StringBuilder sb = new StringBuilder();
    sb.append("actual ").append(actualCount).append(" rows, expected ").append(expectedCount).append(" rows");
    if (isEmpty()) {
      return sb.append(": same multiset").toString();
    }
    sb.append("; ").append(missing.size()).append(" missing, ").append(unexpected.size()).append(" unexpected");
    section(sb, "missing (in expected, not in actual)", missing, maxRows);
    section(sb, "unexpected (in actual, not in expected)", unexpected, maxRows);
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe(20);
  }

  private static void section(StringBuilder sb, String title, List<List<Object>> rows, int maxRows) {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      counts.merge(Values.formatRow(row), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    sb.append("\n").append(title).append(":");
    int shown = 0;
    for (Map.Entry<String, Integer> e : entries) {
      if (shown++ == Math.max(0, maxRows)) {
        sb.append("\n  … and ").append(entries.size() - maxRows).append(" more distinct rows");
        break;
      }
      sb.append("\n  ").append(e.getValue()).append(" × ").append(e.getKey());
    }
  }
}
