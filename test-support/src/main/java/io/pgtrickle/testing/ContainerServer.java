package io.pgtrickle.testing;

import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Third choice: a PostgreSQL container with pgvector, when a Docker engine is reachable.
 *
 * <p>NOTE: this path compiles but has not been exercised on the development machine, which has no Docker
 * engine; it follows the Testcontainers documentation. Ryuk removes the container if the JVM dies.
 */
final class ContainerServer {
  static final String IMAGE = "pgvector/pgvector:pg15";

  private ContainerServer() {}

  /** Starts a container, or returns {@code null} (with a line added to {@code tried}) without Docker. */
  static PostgresServer startIfDockerAvailable(List<String> tried) {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      tried.add("Testcontainers: no Docker engine reachable");
      return null;
    }
    @SuppressWarnings("resource") // stopped by the shutdown hook (and by Ryuk)
    PostgreSQLContainer<?> container =
        new PostgreSQLContainer<>(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"))
            .withUsername("postgres")
            .withPassword("postgres")
            .withDatabaseName("postgres")
            .withCommand("postgres",
                "-c", "wal_level=logical",
                "-c", "max_replication_slots=20",
                "-c", "max_wal_senders=20",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=200",
                "-c", "shared_buffers=128MB",
                "-c", "max_locks_per_transaction=256");
    container.start();
    allowReplicationConnections(container);
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "pgtrickle-pg-container-stop"));
    String host = container.getHost();
    int port = container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    return new PostgresServer(host, port, "postgres", "postgres", "postgres", null,
        "Testcontainers " + IMAGE + " on " + host + ":" + port);
  }

  /**
   * The image's pg_hba.conf admits {@code host all all all scram-sha-256}, which does not cover replication
   * connections (the WAL change-capture backend needs them): add a line and reload.
   */
  private static void allowReplicationConnections(PostgreSQLContainer<?> container) {
    try {
      container.execInContainer("sh", "-c",
          "echo 'host replication all all scram-sha-256' >> \"${PGDATA:-/var/lib/postgresql/data}/pg_hba.conf\"");
      container.execInContainer("psql", "-U", "postgres", "-c", "SELECT pg_reload_conf()");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot adjust pg_hba.conf in the container", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adjusting pg_hba.conf in the container", e);
    }
  }
}
