package io.pgtrickle.benchmarks.e2e;

import io.pgtrickle.jdbc.PgTrickleDriver;
import io.pgtrickle.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The harness's two connections to the benchmark database (loopback or {@code PGTRICKLE_TEST_URL}):
 * a plain PgJDBC one (data changes, plain materialized views, the floor) and a {@code jdbc:pgtrickle:}
 * one (stream-table DDL and refreshes). Both autocommit, with a statement timeout as a safety bound.
 */
final class Db implements AutoCloseable {
  private static final String STATEMENT_TIMEOUT = "600s";

  final Connection plain;
  final Connection trickle;

  private Db(Connection plain, Connection trickle) {
    this.plain = plain;
    this.trickle = trickle;
  }

  static Db open(PostgresServer server, String database) throws SQLException {
    Connection plain = server.connect(database);
    Connection trickle = new PgTrickleDriver().connect(server.pgtrickleUrl(database), server.properties());
    if (trickle == null) {
      plain.close();
      throw new SQLException("the pgtrickle driver refused " + server.pgtrickleUrl(database));
    }
    for (Connection c : new Connection[] {plain, trickle}) {
      try (Statement st = c.createStatement()) {
        st.execute("SET statement_timeout = '" + STATEMENT_TIMEOUT + "'");
      }
    }
    return new Db(plain, trickle);
  }

  /** Runs statements on the plain connection. */
  void plain(String... sql) throws SQLException {
    try (Statement st = plain.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  /** Runs statements on the pgtrickle connection. */
  void trickle(String... sql) throws SQLException {
    try (Statement st = trickle.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      trickle.close();
    } finally {
      plain.close();
    }
  }
}
