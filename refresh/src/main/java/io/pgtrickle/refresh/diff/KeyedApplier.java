package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Applies a materialised delta to a stream table whose rows are identified by a key: one
 * {@code MERGE}. The delta holds at most one −1 row (old image) and one +1 row (new image) per key;
 * per key the source row is the new image if there is one (UPDATE in place, or INSERT), else the old
 * image (DELETE). Keys match with IS NOT DISTINCT FROM through {@link RowMatch}, whose hash equality
 * lets the planner probe the {@link ApplyIndex}.
 *
 * <p>A delta that breaks the key's promise (two new images of one key, |weight| &gt; 1) or that does not
 * fit the stored rows (deleting a key that is not stored) is reported as inconsistent; the caller then
 * refreshes FULL instead of writing a wrong result.
 */
final class KeyedApplier {

  private KeyedApplier() {}

  /** Returns false when the delta is inconsistent (nothing usable was applied). */
  static boolean apply(Connection connection, String storageSql, String delta, List<Column> columns,
      List<String> rowKey, RowMatch keyMatch) throws SQLException {
    String w = Sql.ident(DeltaMaterializer.WEIGHT);
    List<String> groups = keyMatch.groupExpressions("d");
    String group = String.join(", ", groups);
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT EXISTS (SELECT 1 FROM " + delta + " d WHERE d." + w + " <> 0 GROUP BY " + group
                  + " HAVING count(*) FILTER (WHERE d." + w + " > 0) > 1"
                  + " OR count(*) FILTER (WHERE d." + w + " < 0) > 1"
                  + " OR max(abs(d." + w + ")) > 1)")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return false;
        }
      }
      long expected;
      String source =
          "SELECT DISTINCT ON (" + group + ") d.*, (d." + w + " > 0) AS \"__pgt_has_new\" FROM "
              + delta + " d WHERE d." + w + " <> 0 ORDER BY " + group + ", d." + w + " DESC";
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + source + ") s")) {
        rs.next();
        expected = rs.getLong(1);
      }
      if (expected == 0) {
        return true;
      }
      long affected = st.executeLargeUpdate(merge(storageSql, source, columns, rowKey, keyMatch));
      return affected == expected;
    }
  }

  static String merge(String storageSql, String source, List<Column> columns, List<String> rowKey,
      RowMatch keyMatch) {
    List<String> names = new ArrayList<>();
    StringJoiner values = new StringJoiner(", ");
    StringJoiner set = new StringJoiner(", ");
    for (Column c : columns) {
      String name = Sql.ident(c.name());
      names.add(name);
      values.add("s." + name);
      if (!rowKey.contains(c.name())) {
        set.add(name + " = s." + name);
      }
    }
    String update = set.length() == 0 ? "DO NOTHING" : "UPDATE SET " + set;
    return "MERGE INTO ONLY " + storageSql + " AS t USING (" + source + ") AS s ON "
        + keyMatch.predicate("t", "s")
        + " WHEN MATCHED AND NOT s.\"__pgt_has_new\" THEN DELETE"
        + " WHEN MATCHED AND s.\"__pgt_has_new\" THEN " + update
        + " WHEN NOT MATCHED AND s.\"__pgt_has_new\" THEN INSERT (" + String.join(", ", names)
        + ") VALUES (" + values + ")";
  }
}
