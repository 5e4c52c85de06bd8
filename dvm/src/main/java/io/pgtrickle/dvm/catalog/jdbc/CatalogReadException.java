package io.pgtrickle.dvm.catalog.jdbc;

/** A catalog query failed; wraps the driver's {@link java.sql.SQLException}. */
public final class CatalogReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CatalogReadException(String what, Throwable cause) {
    super("pg_catalog: " + what + (cause == null ? "" : ": " + cause.getMessage()), cause);
  }
}
