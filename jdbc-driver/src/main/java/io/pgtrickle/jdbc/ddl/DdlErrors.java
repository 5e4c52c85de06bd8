package io.pgtrickle.jdbc.ddl;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** The SQLExceptions the DDL grammar raises, with PostgreSQL's SQLSTATEs. */
public final class DdlErrors {

  /** invalid_parameter_value. */
  public static final String INVALID_PARAMETER_VALUE = "22023";

  /** feature_not_supported. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";

  private DdlErrors() {}

  public static SQLException invalidParameter(String message) {
    return new SQLDataException(message, INVALID_PARAMETER_VALUE);
  }

  public static SQLException notSupported(String message) {
    return new SQLFeatureNotSupportedException(message, FEATURE_NOT_SUPPORTED);
  }
}
