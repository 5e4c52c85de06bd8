package io.pgtrickle.refresh.full;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one statement of a FULL refresh that applies the difference between the stored rows and
 * the recomputed rows, leaving unchanged rows untouched (no new row versions, same ctid and xmin).
 *
 * <p>Stored rows (weight −1, with their ctid) and recomputed rows (weight +1) are unioned. Rows are
 * grouped by all columns — {@code PARTITION BY} treats NULLs as equal, which is the
 * {@code IS NOT DISTINCT FROM} semantics — and a group's net weight is the sum of weights. Of a group
 * with net −w the first w stored copies are deleted (by ctid); of a group with net +w the first w
 * recomputed copies are inserted. Duplicate rows are therefore kept exactly as often as the query
 * produces them. One sort of both sides replaces a join on {@code IS NOT DISTINCT FROM} (which only a
 * nested loop could execute), and the delete joins on ctid.
 *
 * <p>Columns whose type cannot be sorted (see {@link ColumnComparability}) are grouped by their text
 * form; the inserted values are still the recomputed ones.
 */
final class DiffStatement {

  private DiffStatement() {}

  /**
   * The statement; it returns one row (rows inserted, rows deleted).
   *
   * @param sortable per column, whether it is grouped by itself (else by its text form)
   */
  static String build(String storage, String definitionView, List<Column> columns, boolean[] sortable) {
    return build(storage, definitionView, columns, sortable, null);
  }

  /**
   * Like {@link #build(String, String, List, boolean[])}, with a third result column {@code extra}
   * (SQL text, evaluated in the same statement and so in the same snapshot), or none when null.
   */
  static String build(String storage, String definitionView, List<Column> columns, boolean[] sortable,
      String extra) {
    List<String> selectStored = new ArrayList<>();
    List<String> selectNew = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = Sql.ident(columns.get(i).name());
      String alias = Sql.ident("__pgt_c" + (i + 1));
      selectStored.add("s." + column + " AS " + alias);
      selectNew.add("d." + column);
      values.add("r." + alias);
      if (sortable[i]) {
        keys.add("src." + alias);
      } else {
        String key = Sql.ident("__pgt_k" + (i + 1));
        selectStored.add("(s." + column + ")::pg_catalog.text AS " + key);
        selectNew.add("(d." + column + ")::pg_catalog.text");
        keys.add("src." + key);
      }
    }
    selectStored.add("-1 AS \"__pgt_w\"");
    selectStored.add("s.\"ctid\" AS \"__pgt_ctid\"");
    selectNew.add("1");
    selectNew.add("NULL::pg_catalog.tid");

    String group = keys.isEmpty() ? "" : "PARTITION BY " + String.join(", ", keys);
    String groupAndSide =
        "PARTITION BY " + (keys.isEmpty() ? "" : String.join(", ", keys) + ", ") + "src.\"__pgt_w\"";
    String insertColumns =
        columns.isEmpty()
            ? ""
            : " (" + Sql.identList(columns.stream().map(Column::name).toList()) + ")";

    return "WITH \"__pgt_src\" AS ("
        + "SELECT " + String.join(", ", selectStored) + " FROM ONLY " + storage + " s"
        + " UNION ALL "
        + "SELECT " + String.join(", ", selectNew) + " FROM " + definitionView + " d"
        + "), \"__pgt_ranked\" AS ("
        + "SELECT src.*, pg_catalog.sum(src.\"__pgt_w\") OVER (" + group + ") AS \"__pgt_net\","
        + " pg_catalog.row_number() OVER (" + groupAndSide + ") AS \"__pgt_rn\""
        + " FROM \"__pgt_src\" src"
        + "), \"__pgt_deleted\" AS ("
        + "DELETE FROM ONLY " + storage + " t USING \"__pgt_ranked\" r"
        + " WHERE r.\"__pgt_w\" < 0 AND r.\"__pgt_rn\" <= -r.\"__pgt_net\""
        + " AND t.\"ctid\" = r.\"__pgt_ctid\" RETURNING 1"
        + "), \"__pgt_inserted\" AS ("
        + "INSERT INTO " + storage + insertColumns
        + " SELECT " + String.join(", ", values) + " FROM \"__pgt_ranked\" r"
        + " WHERE r.\"__pgt_w\" > 0 AND r.\"__pgt_rn\" <= r.\"__pgt_net\" RETURNING 1"
        + ") SELECT (SELECT pg_catalog.count(*) FROM \"__pgt_inserted\"),"
        + " (SELECT pg_catalog.count(*) FROM \"__pgt_deleted\")"
        + (extra == null ? "" : ", (" + extra + ")");
  }
}
