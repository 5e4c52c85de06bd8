package io.pgtrickle.testing;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.opentest4j.TestAbortedException;

/**
 * Finds or starts the server, in the order of ARCHITECTURE §8, and applies the CI rule when nothing works.
 */
final class ServerDiscovery {
  static final String URL_ENV = "PGTRICKLE_TEST_URL";
  static final String URL_PROPERTY = "pgtrickle.test.url";
  private static final System.Logger LOG = System.getLogger(ServerDiscovery.class.getName());

  private ServerDiscovery() {}

  static PostgresServer discover() {
    String url = configuredUrl();
    if (url != null) {
      // Explicit configuration: never fall back silently, and never skip.
      return fromUrl(url);
    }
    List<String> tried = new ArrayList<>();
    tried.add(URL_ENV + " / -D" + URL_PROPERTY + ": not set");

    RuntimeException localFailure = null;
    try {
      PostgresServer local = LocalCluster.startIfBinariesPresent(tried);
      if (local != null) {
        return local;
      }
    } catch (RuntimeException e) {
      localFailure = e;
      tried.add("local cluster: FAILED: " + e.getMessage());
      LOG.log(Level.WARNING, "local PostgreSQL cluster could not be started", e);
    }

    try {
      PostgresServer container = ContainerServer.startIfDockerAvailable(tried);
      if (container != null) {
        return container;
      }
    } catch (RuntimeException | LinkageError e) {
      tried.add("Testcontainers: FAILED: " + e);
      LOG.log(Level.WARNING, "Testcontainers PostgreSQL could not be started", e);
    }

    String message = "No PostgreSQL server for the tests. Tried:\n  - "
        + String.join("\n  - ", tried.stream().map(t -> t.replace("\n", "\n      ")).toList())
        + "\nSet " + URL_ENV + "=jdbc:postgresql://host:port/db?user=…&password=… (a role that may CREATE"
        + " DATABASE), or install PostgreSQL (scripts/install-postgres.sh), or start Docker.";
    if (isCi()) {
      throw new ServerUnavailableException(message + "\n(CI=true: this is a failure, not a skip)",
          localFailure);
    }
    throw new TestAbortedException(message + "\n(skipped because CI is not true)");
  }

  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static String configuredUrl() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      url = System.getenv(URL_ENV);
    }
    return url == null || url.isBlank() ? null : url.trim();
  }

  private static PostgresServer fromUrl(String url) {
    Properties parsed = org.postgresql.Driver.parseURL(url, null);
    if (parsed == null) {
      throw new ServerUnavailableException(URL_ENV + " is not a jdbc:postgresql: URL: " + redact(url), null);
    }
    String host = firstOf(parsed.getProperty("PGHOST", "localhost"));
    int port = Integer.parseInt(firstOf(parsed.getProperty("PGPORT", "5432")));
    String database = parsed.getProperty("PGDBNAME", "postgres");
    String user = parsed.getProperty("user", System.getProperty("user.name"));
    String password = parsed.getProperty("password");
    Properties extra = new Properties();
    for (String key : parsed.stringPropertyNames()) {
      if (!key.startsWith("PG") && !key.equals("user") && !key.equals("password")) {
        extra.setProperty(key, parsed.getProperty(key));
      }
    }
    return new PostgresServer(host, port, user, password, database.isEmpty() ? "postgres" : database, extra,
        "server from " + URL_ENV + " " + redact(url));
  }

  private static String firstOf(String commaList) {
    int comma = commaList.indexOf(',');
    return comma < 0 ? commaList : commaList.substring(0, comma);
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

}
