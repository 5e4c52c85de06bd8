package io.pgtrickle.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** pgtrickle's version, from {@code driver-version.properties} (filled in by the Maven build). */
public final class DriverVersion {

  private static final String RESOURCE = "driver-version.properties";

  /** The full version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = load();

  private DriverVersion() {}

  /** The number before the first dot, e.g. 0 for {@code 0.1.0}. */
  public static int major() {
    return part(0);
  }

  /** The number after the first dot, e.g. 1 for {@code 0.1.0}. */
  public static int minor() {
    return part(1);
  }

  private static int part(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException notNumeric) {
      return 0;
    }
  }

  private static String load() {
    try (InputStream in = DriverVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "0.0.0-unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "0.0.0-unknown").strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
