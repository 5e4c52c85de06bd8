package io.pgtrickle.testing;

import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * The PostgreSQL server used by the tests of one JVM: found or started once, lazily, by {@link #shared()},
 * and shared by every test class (each class gets its own database, see {@link PostgresExtension}).
 *
 * <p>Discovery order: {@code PGTRICKLE_TEST_URL} / {@code -Dpgtrickle.test.url}; a throwaway cluster from the
 * local PostgreSQL binaries; Testcontainers when Docker is reachable. With none available the caller is
 * aborted (a skip), or fails when {@code CI=true}. See {@link ServerDiscovery}.
 */
public final class PostgresServer {
  private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
  private static final Object LOCK = new Object();
  private static PostgresServer shared;
  private static RuntimeException sharedFailure;

  private final String host;
  private final int port;
  private final String superuser;
  private final String password;
  private final String adminDatabase;
  private final Properties extraProperties;
  private final String description;
  private int serverVersionNum;
  private String serverVersion = "?";

  PostgresServer(String host, int port, String superuser, String password, String adminDatabase,
      Properties extraProperties, String description) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.superuser = Objects.requireNonNull(superuser, "superuser");
    this.password = password;
    this.adminDatabase = Objects.requireNonNull(adminDatabase, "adminDatabase");
    this.extraProperties = new Properties();
    if (extraProperties != null) {
      this.extraProperties.putAll(extraProperties);
    }
    this.description = description;
  }

  /**
   * The per-JVM server, found or started on first call. A failure is remembered: later calls fail the same
   * way at once.
   *
   * @throws org.opentest4j.TestAbortedException when no server is available and {@code CI} is not {@code true}
   * @throws ServerUnavailableException when no server is available and {@code CI=true}, or when an explicitly
   *     configured {@code PGTRICKLE_TEST_URL} cannot be used
   */
  public static PostgresServer shared() {
    synchronized (LOCK) {
      if (shared != null) {
        return shared;
      }
      if (sharedFailure != null) {
        throw sharedFailure;
      }
      long start = System.nanoTime();
      try {
        PostgresServer server = ServerDiscovery.discover();
        server.probe();
        shared = server;
        LOG.log(Level.INFO, "pgtrickle tests use PostgreSQL {0} ({1}): {2} (ready in {3} ms)",
            server.serverVersion, String.valueOf(server.serverVersionNum), server.describe(),
            String.valueOf((System.nanoTime() - start) / 1_000_000));
        return server;
      } catch (RuntimeException e) {
        sharedFailure = e;
        throw e;
      }
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String superuser() {
    return superuser;
  }

  /** The superuser's password, or {@code null} (trust authentication). */
  public String password() {
    return password;
  }

  /** {@code server_version_num}, e.g. {@code 150018}. */
  public int serverVersionNum() {
    return serverVersionNum;
  }

  /** {@code server_version}, e.g. {@code "15.18 (Debian 15.18-0+deb12u1)"}. */
  public String serverVersion() {
    return serverVersion;
  }

  /** The database the harness connects to for CREATE/DROP DATABASE. */
  public String adminDatabase() {
    return adminDatabase;
  }

  /** {@code jdbc:postgresql://host:port/database}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + hostAndPort() + "/" + encode(database);
  }

  /** {@code jdbc:pgtrickle://host:port/database}. */
  public String pgtrickleUrl(String database) {
    return "jdbc:pgtrickle://" + hostAndPort() + "/" + encode(database);
  }

  /** Connection properties for {@link java.sql.DriverManager}: user, password if any, and URL extras. */
  public Properties properties() {
    Properties p = new Properties();
    p.putAll(extraProperties);
    p.setProperty("user", superuser);
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  /** A plain PgJDBC connection to {@code database} as the superuser, autocommit on. */
  public Connection connect(String database) throws SQLException {
    Connection c = new org.postgresql.Driver().connect(jdbcUrl(database), properties());
    if (c == null) {
      throw new SQLException("PgJDBC refused URL " + jdbcUrl(database));
    }
    return c;
  }

  /** Human-readable origin, e.g. {@code "local cluster /usr/lib/postgresql/15/bin on 127.0.0.1:54321"}. */
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "PostgresServer[" + description + "]";
  }

  private void probe() {
    try (Connection c = connect(adminDatabase);
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT current_setting('server_version_num')::int, "
            + "current_setting('server_version'), "
            + "(SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user)")) {
      rs.next();
      serverVersionNum = rs.getInt(1);
      serverVersion = rs.getString(2);
      if (!rs.getBoolean(3)) {
        throw new ServerUnavailableException("role " + superuser + " on " + description
            + " may not CREATE DATABASE; the tests need a role with CREATEDB (or a superuser)", null);
      }
    } catch (SQLException e) {
      throw new ServerUnavailableException("cannot connect to " + description + " as " + superuser
          + " (database " + adminDatabase + "): " + e.getMessage(), e);
    }
  }

  private String hostAndPort() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return h + ":" + port;
  }

  private static String encode(String database) {
    return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
