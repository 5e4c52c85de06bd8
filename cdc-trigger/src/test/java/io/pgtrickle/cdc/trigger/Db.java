package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.SourceRelation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers for the tests. */
final class Db {

  private Db() {}

  static long count(Connection c, String sql) throws SQLException {
    return Long.parseLong(scalar(c, sql));
  }

  static String scalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql);
      }
      return rs.getString(1);
    }
  }

  /** Every row of {@code sql} as {@code col1|col2|…} (NULL as {@code ∅}), in query order. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) {
            row.append('|');
          }
          String value = rs.getString(i);
          row.append(value == null ? "∅" : value);
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  static List<String> sorted(List<String> rows) {
    return sorted(rows.toArray(String[]::new));
  }

  static List<String> sorted(String... rows) {
    List<String> list = new ArrayList<>(List.of(rows));
    java.util.Collections.sort(list);
    return list;
  }

  /** The engine's view of a table, read from the catalog. */
  static SourceRelation source(Connection c, String table) throws SQLException {
    long oid;
    String schema;
    String name;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.oid, n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?::regclass")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        oid = rs.getLong(1);
        schema = rs.getString(2);
        name = rs.getString(3);
      }
    }
    List<String> key =
        rows(
            c,
            "SELECT a.attname FROM pg_constraint con, unnest(con.conkey) WITH ORDINALITY k(n, o),"
                + " pg_attribute a WHERE con.conrelid = " + oid + " AND con.contype = 'p'"
                + " AND a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o");
    Map<String, String> types = new LinkedHashMap<>();
    for (String row :
        rows(
            c,
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                + oid + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
      String[] parts = row.split("\\|", 2);
      types.put(parts[0], parts[1]);
    }
    return new SourceRelation(oid, schema, name, key, types);
  }

  /** {@code SELECT <weight>, <columns> FROM buffer}, as rows, sorted. */
  static List<String> buffer(Connection c, SourceRelation source, String columns) throws SQLException {
    List<String> rows =
        rows(c, "SELECT __pgt_w, " + columns + " FROM pgtrickle_changes.changes_" + source.oid());
    java.util.Collections.sort(rows);
    return rows;
  }
}
