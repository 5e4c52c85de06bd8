package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The INSERT … SELECT statements the capture function runs, one per triggering statement, reading only
 * the transition tables (never the source table).
 *
 * <p>INSERT copies {@code NEW TABLE} with weight +1, DELETE copies {@code OLD TABLE} with weight -1,
 * TRUNCATE writes a marker row. UPDATE writes -1 for each old image and +1 for each new image, except for
 * rows whose captured columns did not change, which cancel:
 *
 * <ul>
 *   <li><b>With a non-deferrable primary key</b>, old and new images pair up by key (one-to-one within a
 *       statement). An image is written unless its partner has the same key and the same value in every
 *       captured column. A key change therefore yields -old/+new, and an update of uncaptured columns
 *       yields nothing.
 *   <li><b>Without one</b>, the capture writes the multiset differences {@code old EXCEPT ALL new} (-1)
 *       and {@code new EXCEPT ALL old} (+1) of the projected rows: unchanged rows cancel exactly,
 *       duplicates and NULLs included.
 * </ul>
 *
 * "Same value" is {@link ColumnComparison}'s: identity, not the type's equality.
 */
final class CaptureStatements {

  /** Name of the NEW TABLE transition relation. */
  static final String NEW_ROWS = "__pgt_new";

  /** Name of the OLD TABLE transition relation. */
  static final String OLD_ROWS = "__pgt_old";

  /** The xid select item: the capture function's variable, read once per statement. */
  private static final String XID = CaptureFunction.XID_VARIABLE + ", ";

  private static final String OLD = "o";
  private static final String NEW = "n";

  private final String buffer;
  private final List<SourceColumn> columns;
  private final List<String> keyColumns;

  /**
   * @param buffer quoted qualified buffer name
   * @param columns the captured columns
   * @param keyColumns the primary key to pair UPDATE images by; empty, or all of them captured
   */
  CaptureStatements(String buffer, List<SourceColumn> columns, List<String> keyColumns) {
    this.buffer = buffer;
    this.columns = List.copyOf(columns);
    this.keyColumns = List.copyOf(keyColumns);
    for (String key : keyColumns) {
      if (columns.stream().noneMatch(c -> c.name().equals(key))) {
        throw new IllegalArgumentException("key column " + key + " is not captured");
      }
    }
  }

  /** Whether some captured column is compared by its text form (the output settings matter). */
  boolean needsOutputSettings() {
    return columns.stream().anyMatch(c -> c.comparison() != ColumnComparison.EXACT);
  }

  String insert() {
    return insertInto() + " SELECT " + XID + ChangeBufferLayout.INSERT + selectList(NEW) + " FROM "
        + SqlIdentifiers.quote(NEW_ROWS) + " AS " + SqlIdentifiers.quote(NEW);
  }

  String delete() {
    return insertInto() + " SELECT " + XID + ChangeBufferLayout.DELETE + selectList(OLD) + " FROM "
        + SqlIdentifiers.quote(OLD_ROWS) + " AS " + SqlIdentifiers.quote(OLD);
  }

  String truncate() {
    return "INSERT INTO " + buffer + " (" + SqlIdentifiers.quote(ChangeBufferLayout.WEIGHT_COLUMN)
        + ") VALUES (" + ChangeBufferLayout.TRUNCATE_MARKER + ")";
  }

  String update() {
    return keyColumns.isEmpty() ? updateByMultisetDifference() : updateByKey();
  }

  private String updateByKey() {
    return insertInto()
        + " SELECT " + XID + ChangeBufferLayout.DELETE + selectList(OLD) + " FROM "
        + SqlIdentifiers.quote(OLD_ROWS) + " AS " + SqlIdentifiers.quote(OLD)
        + " WHERE NOT EXISTS (SELECT 1 FROM " + SqlIdentifiers.quote(NEW_ROWS) + " AS "
        + SqlIdentifiers.quote(NEW) + " WHERE " + samePartner() + ")"
        + " UNION ALL SELECT " + XID + ChangeBufferLayout.INSERT + selectList(NEW) + " FROM "
        + SqlIdentifiers.quote(NEW_ROWS) + " AS " + SqlIdentifiers.quote(NEW)
        + " WHERE NOT EXISTS (SELECT 1 FROM " + SqlIdentifiers.quote(OLD_ROWS) + " AS "
        + SqlIdentifiers.quote(OLD) + " WHERE " + samePartner() + ")";
  }

  /** Same key (hashable equality first, for the planner) and no captured column changed. */
  private String samePartner() {
    StringJoiner condition = new StringJoiner(" AND ");
    for (String key : keyColumns) {
      SourceColumn column = column(key);
      condition.add(
          column.comparison().comparable(column.ref(OLD)) + " = "
              + column.comparison().comparable(column.ref(NEW)));
    }
    for (SourceColumn column : columns) {
      if (!keyColumns.contains(column.name())) {
        condition.add(
            column.comparison().comparable(column.ref(OLD)) + " IS NOT DISTINCT FROM "
                + column.comparison().comparable(column.ref(NEW)));
      }
    }
    return condition.toString();
  }

  private String updateByMultisetDifference() {
    String removed = "d";
    String added = "i";
    return insertInto()
        + " SELECT " + XID + ChangeBufferLayout.DELETE + restoredList(removed) + " FROM ("
        + projection(OLD_ROWS, OLD) + " EXCEPT ALL " + projection(NEW_ROWS, NEW) + ") AS "
        + SqlIdentifiers.quote(removed)
        + " UNION ALL SELECT " + XID + ChangeBufferLayout.INSERT + restoredList(added) + " FROM ("
        + projection(NEW_ROWS, NEW) + " EXCEPT ALL " + projection(OLD_ROWS, OLD) + ") AS "
        + SqlIdentifiers.quote(added);
  }

  /** {@code SELECT <comparable values> AS p1, … FROM transition AS alias}. */
  private String projection(String transitionTable, String alias) {
    StringJoiner select = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      SourceColumn column = columns.get(i);
      select.add(column.comparison().comparable(column.ref(alias)) + " AS " + projected(i));
    }
    if (columns.isEmpty()) {
      select.add("1");
    }
    return "SELECT " + select + " FROM " + SqlIdentifiers.quote(transitionTable) + " AS "
        + SqlIdentifiers.quote(alias);
  }

  private String restoredList(String alias) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      SourceColumn column = columns.get(i);
      list.append(", ")
          .append(
              column.comparison()
                  .restore(SqlIdentifiers.quote(alias) + "." + projected(i), column.sqlType()));
    }
    return list.toString();
  }

  private static String projected(int index) {
    return SqlIdentifiers.quote("p" + (index + 1));
  }

  private String insertInto() {
    StringJoiner target = new StringJoiner(", ", " (", ")");
    target.add(SqlIdentifiers.quote(ChangeBufferLayout.XID_COLUMN));
    target.add(SqlIdentifiers.quote(ChangeBufferLayout.WEIGHT_COLUMN));
    for (SourceColumn column : columns) {
      target.add(column.quoted());
    }
    return "INSERT INTO " + buffer + target;
  }

  private String selectList(String alias) {
    List<String> refs = new ArrayList<>();
    for (SourceColumn column : columns) {
      refs.add(column.ref(alias));
    }
    return refs.isEmpty() ? "" : ", " + String.join(", ", refs);
  }

  private SourceColumn column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
