package io.pgtrickle.refresh.option;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.pgtrickle.refresh.action.PostRefreshActions;
import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The value parsers behind {@link StreamOption#parse}. */
final class OptionParsers {

  /** Parses one option value. */
  @FunctionalInterface
  interface Parser {
    Object parse(StreamOption option, String raw) throws SQLException;
  }

  /** Units in descending order, each at most once, e.g. {@code 1h30m}; at most 9 digits a unit. */
  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d{1,9})w)?(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

  private static final long[] UNIT_SECONDS = {7 * 86_400L, 86_400L, 3_600L, 60L, 1L};

  /** A plain decimal number, optionally with an exponent; no hex, no NaN or Infinity. */
  private static final Pattern NUMBER =
      Pattern.compile("[+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private OptionParsers() {}

  static <E extends Enum<E> & OptionValue> E choice(StreamOption option, String raw, E[] values)
      throws SQLException {
    String value = required(option, raw).toLowerCase(Locale.ROOT);
    for (E candidate : values) {
      if (candidate.sqlName().equals(value)) {
        return candidate;
      }
    }
    throw invalid(option, raw);
  }

  /** {@code none} or the name of a registered post-refresh action. */
  static PostRefreshChoice postRefreshAction(StreamOption option, String raw) throws SQLException {
    String value = required(option, raw).toLowerCase(Locale.ROOT);
    if (!PostRefreshActions.NONE.equals(value) && PostRefreshActions.named(value).isEmpty()) {
      throw invalid(option, raw);
    }
    return new PostRefreshChoice(value);
  }

  /** PostgreSQL's boolean spellings ({@code parse_bool}): unique prefixes of true/false/yes/no, on/off, 1/0. */
  static Boolean bool(StreamOption option, String raw) throws SQLException {
    if (raw == null) {
      return Boolean.TRUE;
    }
    Boolean parsed = parseBool(raw.toLowerCase(Locale.ROOT));
    if (parsed == null) {
      throw invalid(option, raw);
    }
    return parsed;
  }

  static Boolean parseBool(String v) {
    if (v.isEmpty()) {
      return null;
    }
    if ("true".startsWith(v) || "yes".startsWith(v)) {
      return Boolean.TRUE;
    }
    if ("false".startsWith(v) || "no".startsWith(v)) {
      return Boolean.FALSE;
    }
    if (v.equals("on") || v.equals("1")) {
      return Boolean.TRUE;
    }
    if (v.equals("of") || v.equals("off") || v.equals("0")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static Double threshold(StreamOption option, String raw) throws SQLException {
    String value = required(option, raw).trim();
    if (!NUMBER.matcher(value).matches()) {
      throw invalid(option, raw);
    }
    double d = Double.parseDouble(value);
    if (!(d > 0.0 && d <= 1.0)) {
      throw invalid(option, raw);
    }
    return d;
  }

  static Schedule schedule(StreamOption option, String raw) throws SQLException {
    String value = required(option, raw).trim();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("calculated")) {
      return new Schedule(Schedule.Kind.CALCULATED, "calculated", null);
    }
    Matcher m = DURATION.matcher(lower);
    if (!lower.isEmpty() && m.matches()) {
      long seconds = 0;
      for (int i = 0; i < UNIT_SECONDS.length; i++) {
        if (m.group(i + 1) != null) {
          seconds += Long.parseLong(m.group(i + 1)) * UNIT_SECONDS[i];
        }
      }
      if (seconds <= 0) {
        throw SqlStates.error(
            SqlStates.INVALID_PARAMETER_VALUE,
            "invalid value for option \"" + option.qualifiedName() + "\": \"" + raw
                + "\" (a schedule duration must be at least 1s)");
      }
      return new Schedule(Schedule.Kind.DURATION, lower, seconds);
    }
    String[] fields = value.split("\\s+");
    if (fields.length == 5) {
      String cron = String.join(" ", fields);
      try {
        Cron parsed = CRON.parse(cron);
        parsed.validate();
      } catch (IllegalArgumentException e) {
        throw SqlStates.error(
            SqlStates.INVALID_PARAMETER_VALUE,
            "invalid cron expression for option \"" + option.qualifiedName() + "\": \"" + raw
                + "\": " + e.getMessage(),
            null,
            "A cron schedule has 5 fields: minute hour day-of-month month day-of-week.");
      }
      return new Schedule(Schedule.Kind.CRON, cron, null);
    }
    throw invalid(option, raw);
  }

  private static String required(StreamOption option, String raw) throws SQLException {
    if (raw == null) {
      throw SqlStates.error(
          SqlStates.INVALID_PARAMETER_VALUE,
          "option \"" + option.qualifiedName() + "\" requires a value (" + accepted(option) + ")");
    }
    return raw;
  }

  static SQLException invalid(StreamOption option, String raw) {
    return SqlStates.error(
        SqlStates.INVALID_PARAMETER_VALUE,
        "invalid value for option \"" + option.qualifiedName() + "\": \"" + raw + "\" ("
            + accepted(option) + ")");
  }

  private static String accepted(StreamOption option) {
    if (!option.allowedValues().isEmpty() && option != StreamOption.APPEND_ONLY
        && option != StreamOption.STREAM) {
      return "allowed values: "
          + Arrays.stream(option.allowedValues().toArray(String[]::new)).collect(Collectors.joining(", "));
    }
    return "expected " + option.valueSyntax();
  }
}
