package io.pgtrickle.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The normalised rows of one query, with the per-column float tolerances. */
record RowSet(List<String> columnNames, double[] tolerances, List<List<Object>> rows) {

  static RowSet read(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> names = new ArrayList<>(n);
      double[] tolerances = new double[n];
      for (int i = 1; i <= n; i++) {
        names.add(md.getColumnLabel(i));
        tolerances[i - 1] = Values.tolerance(md.getColumnType(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(Values.read(rs, i));
        }
        rows.add(Collections.unmodifiableList(row));
      }
      return new RowSet(List.copyOf(names), tolerances, rows);
    } catch (SQLException e) {
      throw new SQLException("oracle query failed: " + e.getMessage() + "\n  query: " + sql, e.getSQLState(), e);
    }
  }

  int columnCount() {
    return columnNames.size();
  }
}
