package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.diff.HiddenColumns;
import io.pgtrickle.refresh.diff.RowMatch;
import io.pgtrickle.refresh.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The one statement that applies a delta to a stream table inside a trigger function; it returns one
 * boolean: whether the delta fitted the stored rows. When it did not (the stored result had drifted,
 * or the delta broke the key's promise) whatever it wrote is repaired by a recomputation that follows.
 *
 * <p>The delta (columns cast to the stored types, zero weights dropped) is materialised once. Stored
 * rows are found by a LATERAL probe of the apply index ({@link RowMatch}) per delta row (with LIMIT, so the
 * planner cannot turn it into a scan of the whole stream table) and then addressed by ctid. All data-
 * modifying CTEs see the stream table as it was before the statement.
 *
 * <ul>
 *   <li>Keyed (row key): per key at most one old image (−1) and one new image (+1). The source row is
 *       the new image if there is one, else the old; a key with a new image UPDATEs its stored row or is
 *       INSERTed, a key with only an old image DELETEs it. Fits iff no key has two images of one sign or
 *       |weight| &gt; 1, every old-only key is stored, and no key is stored twice.
 *   <li>Bag: for weight −w, w stored copies are deleted; for +w, w copies inserted. Fits iff exactly
 *       as many copies were deleted and inserted as the weights say.
 * </ul>
 *
 * With hidden state columns (a stateful root: aggregates) they are stored columns like the others,
 * and a new image whose hidden row count is NULL or negative makes the delta not fit either.
 */
final class ApplySql {

  private static final String W = Sql.ident(ChangeBuffers.WEIGHT);

  private ApplySql() {}

  /**
   * @param columns the stored columns the delta query produces: user columns, then {@code hidden}
   * @param hidden the hidden state columns; a new image whose hidden count is NULL or negative does not
   *     fit ({@link HiddenColumns#negativeCountSql})
   */
  static String statement(String storageSql, String deltaQuery, List<Column> columns,
      List<String> rowKey, RowMatch identity, List<String> hidden) {
    String delta = materialisedDelta(deltaQuery, columns);
    String fits = rowKey.isEmpty()
        ? bag(storageSql, delta, columns, identity)
        : keyed(storageSql, delta, columns, rowKey, identity);
    return hidden.isEmpty() ? fits
        : fits + " AND NOT " + HiddenColumns.negativeCountSql("\"__pgt_d\"", hidden);
  }

  /** {@code "__pgt_d" AS MATERIALIZED (…)}: the delta with stored types and names, no zero weights. */
  private static String materialisedDelta(String deltaQuery, List<Column> columns) {
    StringJoiner select = new StringJoiner(", ");
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String p = Sql.ident("__pgt_c" + (i + 1));
      positional.add(p);
      select.add("(d." + p + ")::" + c.typeName() + " AS " + Sql.ident(c.name()));
    }
    positional.add(W);
    select.add("(d." + W + ")::bigint AS " + W);
    return "\"__pgt_d\" AS MATERIALIZED (SELECT " + select + " FROM (" + deltaQuery + ") AS d("
        + String.join(", ", positional) + ") WHERE d." + W + " <> 0)";
  }

  private static String keyed(String storageSql, String delta, List<Column> columns,
      List<String> rowKey, RowMatch identity) {
    String group = String.join(", ", identity.groupExpressions("d"));
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    StringJoiner set = new StringJoiner(", ");
    for (Column c : columns) {
      String name = Sql.ident(c.name());
      names.add(name);
      values.add("m." + name);
      if (!rowKey.contains(c.name())) {
        set.add(name + " = m." + name);
      }
    }
    if (set.length() == 0) {
      String first = Sql.ident(rowKey.get(0));
      set.add(first + " = m." + first);
    }
    return "WITH " + delta + ","
        + " \"__pgt_bad\" AS (SELECT pg_catalog.count(*) AS n FROM (SELECT 1 FROM \"__pgt_d\" d GROUP BY "
        + group + " HAVING pg_catalog.count(*) FILTER (WHERE d." + W + " > 0) > 1"
        + " OR pg_catalog.count(*) FILTER (WHERE d." + W + " < 0) > 1"
        + " OR pg_catalog.max(abs(d." + W + ")) > 1) x),"
        + " \"__pgt_s\" AS (SELECT DISTINCT ON (" + group + ") d.*, (d." + W + " > 0) AS \"__pgt_has_new\""
        + " FROM \"__pgt_d\" d ORDER BY " + group + ", d." + W + " DESC),"
        + " \"__pgt_m\" AS MATERIALIZED (SELECT s.*, v.\"ctid\" AS \"__pgt_ctid\", v.\"__pgt_n\""
        + " FROM \"__pgt_s\" s LEFT JOIN LATERAL (SELECT t.\"ctid\", pg_catalog.count(*) OVER () AS \"__pgt_n\""
        + " FROM ONLY " + storageSql + " t WHERE " + identity.predicate("t", "s") + " LIMIT 2) v ON true),"
        + " \"__pgt_del\" AS (DELETE FROM ONLY " + storageSql + " t USING \"__pgt_m\" m"
        + " WHERE t.\"ctid\" = m.\"__pgt_ctid\" AND NOT m.\"__pgt_has_new\" RETURNING 1),"
        + " \"__pgt_upd\" AS (UPDATE ONLY " + storageSql + " t SET " + set + " FROM \"__pgt_m\" m"
        + " WHERE t.\"ctid\" = m.\"__pgt_ctid\" AND m.\"__pgt_has_new\" RETURNING 1),"
        + " \"__pgt_ins\" AS (INSERT INTO " + storageSql + " (" + names + ") SELECT " + values
        + " FROM \"__pgt_m\" m WHERE m.\"__pgt_has_new\" AND m.\"__pgt_ctid\" IS NULL RETURNING 1)"
        + " SELECT (SELECT n FROM \"__pgt_bad\") = 0"
        + " AND NOT EXISTS (SELECT 1 FROM \"__pgt_m\" m WHERE m.\"__pgt_n\" > 1"
        + " OR (m.\"__pgt_ctid\" IS NULL AND NOT m.\"__pgt_has_new\"))"
        + " AND (SELECT pg_catalog.count(*) FROM \"__pgt_m\") = (SELECT pg_catalog.count(*) FROM \"__pgt_del\")"
        + " + (SELECT pg_catalog.count(*) FROM \"__pgt_upd\") + (SELECT pg_catalog.count(*) FROM \"__pgt_ins\")";
  }

  private static String bag(String storageSql, String delta, List<Column> columns,
      RowMatch identity) {
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (Column c : columns) {
      names.add(Sql.ident(c.name()));
      values.add("d." + Sql.ident(c.name()));
    }
    String insert = columns.isEmpty()
        ? "INSERT INTO " + storageSql + " SELECT"
        : "INSERT INTO " + storageSql + " (" + names + ") SELECT " + values;
    return "WITH " + delta + ","
        + " \"__pgt_victims\" AS (SELECT v.\"ctid\" FROM \"__pgt_d\" d CROSS JOIN LATERAL ("
        + "SELECT t.\"ctid\" FROM ONLY " + storageSql + " t WHERE " + identity.predicate("t", "d")
        + " LIMIT (-d." + W + ")) v WHERE d." + W + " < 0),"
        + " \"__pgt_del\" AS (DELETE FROM ONLY " + storageSql + " t USING \"__pgt_victims\" v"
        + " WHERE t.\"ctid\" = v.\"ctid\" RETURNING 1),"
        + " \"__pgt_ins\" AS (" + insert + " FROM \"__pgt_d\" d"
        + " CROSS JOIN LATERAL pg_catalog.generate_series(1, d." + W + ") WHERE d." + W + " > 0 RETURNING 1)"
        + " SELECT (SELECT pg_catalog.count(*) FROM \"__pgt_ins\")"
        + " = (SELECT COALESCE(pg_catalog.sum(d." + W + "), 0) FROM \"__pgt_d\" d WHERE d." + W + " > 0)"
        + " AND (SELECT pg_catalog.count(*) FROM \"__pgt_del\")"
        + " = (SELECT COALESCE(-pg_catalog.sum(d." + W + "), 0) FROM \"__pgt_d\" d WHERE d." + W + " < 0)";
  }
}
