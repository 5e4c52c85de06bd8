package io.pgtrickle.jdbc;

import io.pgtrickle.jdbc.wrapper.ForwardingDatabaseMetaData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * PgJDBC's metadata, unchanged (product name "PostgreSQL", versions, {@code getURL()} with the
 * {@code jdbc:postgresql:} URL: Flyway, Hibernate and jOOQ detect the database from these), except
 * that {@link #getConnection()} returns the pgtrickle connection.
 */
public final class TrickleDatabaseMetaData extends ForwardingDatabaseMetaData {

  private final TrickleConnection connection;

  TrickleDatabaseMetaData(DatabaseMetaData delegate, TrickleConnection connection) {
    super(delegate);
    this.connection = connection;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }
}
