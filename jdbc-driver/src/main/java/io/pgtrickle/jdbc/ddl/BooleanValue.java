package io.pgtrickle.jdbc.ddl;

import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's reading of a boolean option value ({@code parse_bool}): {@code true}/{@code false},
 * {@code yes}/{@code no} and any unambiguous prefix of them, {@code on}/{@code off} (at least two
 * letters), {@code 1}/{@code 0}; case-insensitive. An absent value means true.
 */
final class BooleanValue {

  private BooleanValue() {}

  static Optional<Boolean> parse(String value) {
    if (value == null) {
      return Optional.of(Boolean.TRUE);
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1")) {
      return Optional.of(Boolean.TRUE);
    }
    if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")) {
      return Optional.of(Boolean.FALSE);
    }
    if (v.length() >= 2 && "on".startsWith(v)) {
      return Optional.of(Boolean.TRUE);
    }
    if (v.length() >= 2 && "off".startsWith(v)) {
      return Optional.of(Boolean.FALSE);
    }
    return Optional.empty();
  }
}
