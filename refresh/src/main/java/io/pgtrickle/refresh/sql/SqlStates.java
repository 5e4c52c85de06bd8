package io.pgtrickle.refresh.sql;

import java.sql.SQLException;
import java.sql.SQLWarning;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * The SQLSTATEs the engine raises itself, and factories for exceptions and warnings that look exactly
 * like PostgreSQL's own: a {@link PSQLException} / {@link PSQLWarning} carrying a
 * {@link ServerErrorMessage} with severity, SQLSTATE, message and optional DETAIL and HINT, so an
 * application cannot tell an engine error from a server error (and {@code getServerErrorMessage()}
 * gives the detail and hint separately).
 */
public final class SqlStates {

  /** successful_completion, used for plain notices. */
  public static final String SUCCESSFUL_COMPLETION = "00000";
  /** feature_not_supported. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  /** invalid_schema_name. */
  public static final String INVALID_SCHEMA_NAME = "3F000";
  /** invalid_parameter_value. */
  public static final String INVALID_PARAMETER_VALUE = "22023";
  /** dependent_objects_still_exist. */
  public static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";
  /** undefined_table. */
  public static final String UNDEFINED_TABLE = "42P01";
  /** duplicate_table. */
  public static final String DUPLICATE_TABLE = "42P07";
  /** wrong_object_type. */
  public static final String WRONG_OBJECT_TYPE = "42809";
  /** reserved_name. */
  public static final String RESERVED_NAME = "42939";
  /** object_not_in_prerequisite_state. */
  public static final String OBJECT_NOT_IN_PREREQUISITE_STATE = "55000";
  /** invalid_table_definition (PostgreSQL's code for temp relations in a permanent schema). */
  public static final String INVALID_TABLE_DEFINITION = "42P16";

  private SqlStates() {}

  /** An ERROR with the given SQLSTATE and message. */
  public static SQLException error(String sqlState, String message) {
    return error(sqlState, message, null, null);
  }

  /** An ERROR with the given SQLSTATE, message, DETAIL and HINT (either may be null). */
  public static SQLException error(String sqlState, String message, String detail, String hint) {
    return new PSQLException(serverMessage("ERROR", sqlState, message, detail, hint), true);
  }

  /** A NOTICE-level warning, as PostgreSQL sends for e.g. {@code IF NOT EXISTS} skips. */
  public static SQLWarning notice(String sqlState, String message) {
    return new PSQLWarning(serverMessage("NOTICE", sqlState, message, null, null));
  }

  /** The SQLSTATE of {@code e}, or of the first cause that has one. */
  public static String stateOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static ServerErrorMessage serverMessage(
      String severity, String sqlState, String message, String detail, String hint) {
    StringBuilder raw = new StringBuilder();
    field(raw, 'S', severity);
    field(raw, 'V', severity);
    field(raw, 'C', sqlState);
    field(raw, 'M', message);
    field(raw, 'D', detail);
    field(raw, 'H', hint);
    return new ServerErrorMessage(raw.toString());
  }

  private static void field(StringBuilder raw, char type, String value) {
    if (value != null) {
      raw.append(type).append(value.replace('\0', ' ')).append('\0');
    }
  }
}
