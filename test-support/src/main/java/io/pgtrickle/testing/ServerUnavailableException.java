package io.pgtrickle.testing;

/** No PostgreSQL server could be found or started for the tests (a failure under {@code CI=true}). */
public final class ServerUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
