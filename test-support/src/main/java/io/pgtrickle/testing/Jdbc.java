package io.pgtrickle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** The tests' small JDBC helpers: run statements, read one value or all rows, expect an SQLSTATE. */
public final class Jdbc {

  private Jdbc() {}

  /** Runs each statement in turn on one {@link Statement}. */
  public static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  /** The first column of the first row, or {@code null} when there is no row. */
  public static Object scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getObject(1) : null;
    }
  }

  /** {@link #scalar} as a number (the query must return a numeric value). */
  public static long count(Connection c, String sql) throws SQLException {
    return ((Number) scalar(c, sql)).longValue();
  }

  /** {@link #scalar} as text, {@code null} for SQL NULL or no row. */
  public static String text(Connection c, String sql) throws SQLException {
    Object v = scalar(c, sql);
    return v == null ? null : v.toString();
  }

  /** All rows in query order, each row as a list of its values' text ({@code null} for SQL NULL). */
  public static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Asserts {@code body} fails with an SQLException of {@code sqlState}, and returns it. */
  public static SQLException fails(String sqlState, Executable body) {
    SQLException e = assertThrows(SQLException.class, body);
    assertEquals(sqlState, e.getSQLState(), () -> "unexpected SQLSTATE for: " + e.getMessage());
    return e;
  }
}
