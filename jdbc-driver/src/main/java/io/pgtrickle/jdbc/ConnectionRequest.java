package io.pgtrickle.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A {@code jdbc:pgtrickle:} connection request taken apart: the {@code jdbc:postgresql:} URL and the
 * properties to hand to PgJDBC (every {@code pgtrickle.*} property removed, from the URL query and
 * from the {@code Properties}), and pgtrickle's own settings. A {@code pgtrickle.*} property that is
 * not a {@link DriverProperty} is refused with SQLSTATE 22023. URL values win over properties, as in
 * PgJDBC.
 */
record ConnectionRequest(
    String postgresUrl, Properties postgresProperties, Map<DriverProperty, String> settings) {

  static final String PGTRICKLE_PREFIX = "jdbc:pgtrickle:";
  static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  static boolean accepts(String url) {
    return url != null && url.startsWith(PGTRICKLE_PREFIX);
  }

  /** Takes {@code url} (which {@link #accepts}) and {@code info} (may be null) apart. */
  static ConnectionRequest parse(String url, Properties info) throws SQLException {
    Map<DriverProperty, String> settings = new EnumMap<>(DriverProperty.class);
    TreeSet<String> unknown = new TreeSet<>();
    Properties postgres = new Properties();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        String value = info.getProperty(key);
        if (DriverProperty.isPgtrickleProperty(key)) {
          remember(key, value, settings, unknown);
        } else {
          postgres.setProperty(key, value);
        }
      }
    }
    String rest = url.substring(PGTRICKLE_PREFIX.length());
    int query = rest.indexOf('?');
    String postgresUrl = POSTGRESQL_PREFIX + rest;
    if (query >= 0) {
      List<String> kept = new ArrayList<>();
      for (String parameter : rest.substring(query + 1).split("&", -1)) {
        int eq = parameter.indexOf('=');
        String key = decode(eq < 0 ? parameter : parameter.substring(0, eq));
        if (DriverProperty.isPgtrickleProperty(key)) {
          remember(key, eq < 0 ? "" : decode(parameter.substring(eq + 1)), settings, unknown);
        } else if (!parameter.isEmpty()) {
          kept.add(parameter);
        }
      }
      String base = rest.substring(0, query);
      postgresUrl = POSTGRESQL_PREFIX + base + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
    if (!unknown.isEmpty()) {
      throw new SQLDataException(
          "unknown pgtrickle connection propert" + (unknown.size() == 1 ? "y " : "ies ")
              + String.join(", ", unknown) + " (known: " + knownNames() + ")",
          "22023");
    }
    return new ConnectionRequest(postgresUrl, postgres, settings);
  }

  private static void remember(
      String key, String value, Map<DriverProperty, String> settings, TreeSet<String> unknown) {
    DriverProperty.forName(key)
        .ifPresentOrElse(property -> settings.put(property, value), () -> unknown.add(key));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private static String knownNames() {
    List<String> names = new ArrayList<>();
    for (DriverProperty property : DriverProperty.values()) {
      names.add(property.propertyName());
    }
    return String.join(", ", names);
  }

  /** Whether this connection runs the in-JVM scheduler ({@link DriverProperty#SCHEDULER}). */
  boolean scheduler() throws SQLException {
    return DriverProperty.SCHEDULER.booleanValue(settings.get(DriverProperty.SCHEDULER));
  }

  /** Whether stream-table DDL is routed to the engine ({@link DriverProperty#INTERCEPT}). */
  boolean intercept() throws SQLException {
    return DriverProperty.INTERCEPT.booleanValue(settings.get(DriverProperty.INTERCEPT));
  }
}
