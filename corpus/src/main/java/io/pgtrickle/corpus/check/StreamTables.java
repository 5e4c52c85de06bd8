package io.pgtrickle.corpus.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Catalog look-ups on stream tables that the corpus checks need (through a plain connection). */
public final class StreamTables {

  private StreamTables() {}

  /** {@code SELECT <user columns> FROM name}: every column except the hidden {@code __pgt_*} ones. */
  public static String userColumns(Connection c, String name) throws SQLException {
    return "SELECT " + String.join(", ", columns(c, name, false)) + " FROM " + name;
  }

  /** The hidden columns of the stream table whose names start with {@code __pgt_count}. */
  public static List<String> hiddenCountColumns(Connection c, String name) throws SQLException {
    List<String> counts = new ArrayList<>();
    for (String column : columns(c, name, true)) {
      if (column.startsWith("\"__pgt_count") || column.startsWith("__pgt_count")) {
        counts.add(column);
      }
    }
    return counts;
  }

  /** Rows of the stream table with a negative hidden count (a guard: must always be 0). */
  public static long negativeHiddenCounts(Connection c, String name) throws SQLException {
    List<String> counts = hiddenCountColumns(c, name);
    if (counts.isEmpty()) {
      return 0;
    }
    return scalarLong(c, "SELECT count(*) FROM " + name + " WHERE "
        + String.join(" < 0 OR ", counts) + " < 0");
  }

  /** {@code effective_mode} and {@code fallback_reason} from {@code pgtrickle.pgt_status}. */
  public static String[] modeAndReason(Connection c, String name) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT effective_mode, fallback_reason FROM pgtrickle.pgt_status"
            + " WHERE table_name = '" + name + "'")) {
      if (!rs.next()) {
        throw new SQLException("no stream table " + name);
      }
      return new String[] {rs.getString(1), rs.getString(2)};
    }
  }

  /** The strategy the last refresh of the stream table executed ({@code differential} or {@code full}). */
  public static String lastStrategy(Connection c, String name) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT h.executed_strategy FROM pgtrickle.pgt_refresh_history h"
            + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + name + "'"
            + " ORDER BY h.history_id DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public static long scalarLong(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> columns(Connection c, String name, boolean hidden) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT quote_ident(attname), attname LIKE '\\_\\_pgt\\_%' FROM pg_attribute"
            + " WHERE attrelid = '" + name + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
      while (rs.next()) {
        if (rs.getBoolean(2) == hidden) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }
}
