package io.pgtrickle.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection properties of pgtrickle itself. They are named {@code pgtrickle.*}, may be given in
 * the URL query or in the {@code Properties}, and are removed before the connection is handed to
 * PgJDBC. Any other {@code pgtrickle.*} property is refused with SQLSTATE 22023, so a typo cannot
 * silently change nothing.
 */
public enum DriverProperty {

  /**
   * {@code true} (default): stream-table DDL is routed to the pgtrickle engine. {@code false}: the
   * connection forwards every statement to PostgreSQL unchanged (an escape hatch for tools that must
   * see PostgreSQL's own answer, and a switch to rule pgtrickle out when diagnosing a problem).
   */
  INTERCEPT(
      "pgtrickle.intercept",
      "true",
      "Route stream-table DDL (CREATE/ALTER/REFRESH/DROP MATERIALIZED VIEW with pgtrickle options or on"
          + " stream tables) to the pgtrickle engine; false sends every statement to PostgreSQL unchanged",
      "true",
      "false"),

  /**
   * {@code true}: this JVM runs a pgtrickle scheduler for the database (one per URL and user, however
   * many connections ask), started by the first such connection and stopped when the last one closes
   * or the JVM exits. {@code false} (default): no scheduler; run one elsewhere (another JVM, or the
   * standalone {@code io.pgtrickle.scheduler.SchedulerMain}) or refresh manually.
   */
  SCHEDULER(
      "pgtrickle.scheduler",
      "false",
      "Run the pgtrickle scheduler in this JVM while connections with this property are open (one per"
          + " database URL and user); it refreshes stream tables on their pgtrickle.schedule",
      "true",
      "false");

  /** The prefix that marks a property as pgtrickle's. */
  public static final String PREFIX = "pgtrickle.";

  private final String propertyName;
  private final String defaultValue;
  private final String description;
  private final String[] choices;

  DriverProperty(String propertyName, String defaultValue, String description, String... choices) {
    this.propertyName = propertyName;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices;
  }

  public String propertyName() {
    return propertyName;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** Whether {@code key} is in pgtrickle's namespace (case-insensitive). */
  public static boolean isPgtrickleProperty(String key) {
    return key.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** The property named {@code key} (case-insensitive), if it is a known one. */
  public static Optional<DriverProperty> forName(String key) {
    return Arrays.stream(values()).filter(p -> p.propertyName.equalsIgnoreCase(key)).findFirst();
  }

  /** The {@link java.sql.Driver#getPropertyInfo} entry, showing {@code value} or the default. */
  DriverPropertyInfo info(String value) {
    DriverPropertyInfo info = new DriverPropertyInfo(propertyName, value == null ? defaultValue : value);
    info.description = description;
    info.required = false;
    info.choices = choices.length == 0 ? null : choices.clone();
    return info;
  }

  /** {@code value} (or the default, when null) read as a boolean; anything else is 22023. */
  boolean booleanValue(String value) throws SQLException {
    String v = (value == null ? defaultValue : value).strip().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new SQLDataException(
        "invalid value for connection property " + propertyName + ": \"" + value + "\" (true or false)",
        "22023");
  }
}
