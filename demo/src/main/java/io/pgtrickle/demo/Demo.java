package io.pgtrickle.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The five-minute tour: an embedded PostgreSQL, ordinary tables, a stream table created with plain
 * {@code CREATE MATERIALIZED VIEW … WITH (pgtrickle.stream = true)} through {@code jdbc:pgtrickle:},
 * changes to the sources, a refresh, and what the catalog says about it.
 *
 * <p>Run with {@code ./demo.sh}.
 */
public final class Demo {

  private final PrintStream out;

  public Demo(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws SQLException {
    try (EmbeddedServer server = EmbeddedServer.start()) {
      new Demo(System.out).run(server.pgtrickleUrl());
    }
  }

  /** Runs the tour against the database at {@code pgtrickleUrl}. */
  public void run(String pgtrickleUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(pgtrickleUrl);
        Statement s = c.createStatement()) {
      section("Connected through " + c.getClass().getSimpleName() + " to "
          + c.getMetaData().getDatabaseProductName() + " "
          + c.getMetaData().getDatabaseProductVersion());

      section("Source tables");
      run(s, """
          CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, region text);
          CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers,
                               amount numeric(10,2) NOT NULL);
          INSERT INTO customers VALUES (1, 'Ada', 'EU'), (2, 'Grace', 'US'), (3, 'Linus', 'EU'),
                                       (4, 'Nobody', NULL);
          INSERT INTO orders VALUES (10, 1, 120.00), (11, 1, 80.50), (12, 2, 300.00),
                                    (13, 3, 42.00), (14, 4, 7.00)""");

      section("CREATE MATERIALIZED VIEW … WITH (pgtrickle.stream = true)");
      run(s, """
          CREATE MATERIALIZED VIEW revenue_by_region
            WITH (pgtrickle.stream = true)
          AS SELECT c.region, count(*) AS orders, sum(o.amount) AS revenue
               FROM orders o JOIN customers c ON c.id = o.customer_id
              GROUP BY c.region""");
      print(s, "SELECT region, orders, revenue FROM revenue_by_region ORDER BY region NULLS LAST");

      section("Change the sources: the stream table is an ordinary table until it is refreshed");
      run(s, """
          INSERT INTO orders VALUES (15, 2, 99.99), (16, 3, 10.00);
          UPDATE orders SET amount = amount + 1 WHERE id = 10;
          DELETE FROM orders WHERE id = 14""");
      print(s, "SELECT region, orders, revenue FROM revenue_by_region ORDER BY region NULLS LAST");

      section("REFRESH MATERIALIZED VIEW revenue_by_region (differential: only the changed groups)");
      s.execute("REFRESH MATERIALIZED VIEW revenue_by_region");
      print(s, "SELECT region, orders, revenue FROM revenue_by_region ORDER BY region NULLS LAST");
      print(s, """
          SELECT executed_strategy, rows_inserted, rows_deleted, initiator
            FROM pgtrickle.pgt_refresh_history ORDER BY history_id""");

      section("What a refresh does: SELECT pgtrickle.explain('revenue_by_region')");
      printExplainHead(s, 12);

      section("Direct writes to a stream table are refused");
      try {
        s.execute("DELETE FROM revenue_by_region");
        out.println("(unexpected: the DELETE went through)");
      } catch (SQLException e) {
        out.println("SQLSTATE " + e.getSQLState() + ": " + firstLine(e.getMessage()));
      }

      section("Monitoring from any SQL client: pgtrickle.pgt_status");
      print(s, """
          SELECT name, requested_mode, effective_mode, status, populated, last_refresh_at IS NOT NULL AS refreshed
            FROM pgtrickle.pgt_status""");

      section("DROP MATERIALIZED VIEW revenue_by_region");
      s.execute("DROP MATERIALIZED VIEW revenue_by_region");
      print(s, "SELECT count(*) AS stream_tables FROM pgtrickle.pgt_stream_tables");
    }
  }

  private void run(Statement s, String script) throws SQLException {
    out.println(script.strip());
    s.execute(script);
  }

  private void print(Statement s, String query) throws SQLException {
    out.println(query.strip());
    try (ResultSet rs = s.executeQuery(query)) {
      ResultSetMetaData md = rs.getMetaData();
      StringBuilder header = new StringBuilder("  ");
      for (int i = 1; i <= md.getColumnCount(); i++) {
        header.append(i > 1 ? " | " : "").append(md.getColumnLabel(i));
      }
      out.println(header);
      while (rs.next()) {
        StringBuilder row = new StringBuilder("  ");
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        out.println(row);
      }
    }
  }

  private void printExplainHead(Statement s, int lines) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT pgtrickle.explain('revenue_by_region')")) {
      rs.next();
      String[] text = rs.getString(1).split("\n");
      for (int i = 0; i < Math.min(lines, text.length); i++) {
        out.println("  " + text[i]);
      }
      if (text.length > lines) {
        out.println("  … (" + (text.length - lines) + " more lines: the delta SQL)");
      }
    }
  }

  private void section(String title) {
    out.println();
    out.println("== " + title);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
