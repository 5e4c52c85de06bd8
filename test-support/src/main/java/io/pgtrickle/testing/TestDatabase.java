package io.pgtrickle.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

/**
 * One fresh database on the shared {@link PostgresServer}, created for a test class by
 * {@link PostgresExtension} and dropped after it. The {@code vector} extension is already created in it when
 * pgvector is installed on the server.
 */
public final class TestDatabase {
  private final PostgresServer server;
  private final String name;

  TestDatabase(PostgresServer server, String name) {
    this.server = Objects.requireNonNull(server, "server");
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The database name, e.g. {@code pgt_myfeaturetest_3}. */
  public String name() {
    return name;
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** {@code jdbc:postgresql://host:port/db}. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** {@code jdbc:pgtrickle://host:port/db}. */
  public String pgtrickleUrl() {
    return server.pgtrickleUrl(name);
  }

  /** A fresh copy of the connection properties: user, password if any (and extras from the test URL). */
  public Properties properties() {
    return server.properties();
  }

  /** A plain PgJDBC connection ({@code org.postgresql.Driver}) to this database, autocommit on. */
  public Connection connect() throws SQLException {
    return server.connect(name);
  }

  /** Whether the server offers the extension (listed in {@code pg_available_extensions}). */
  public boolean extensionAvailable(String extension) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
      ps.setString(1, extension);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether the extension is created in this database (listed in {@code pg_extension}). */
  public boolean extensionInstalled(String extension) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = ?")) {
      ps.setString(1, extension);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Runs each statement on a new autocommit connection (setup convenience). */
  public void execute(String... sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  public PostgresServer server() {
    return server;
  }

  @Override
  public String toString() {
    return "TestDatabase[" + name + " on " + server.describe() + "]";
  }
}
