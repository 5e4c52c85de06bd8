package io.pgtrickle.refresh.option;

import io.pgtrickle.refresh.action.PostRefreshActions;
import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of {@code pgtrickle.*} options of {@code CREATE/ALTER MATERIALIZED VIEW … WITH/SET
 * (…)}. Each constant knows its SQL name, default, allowed values, how to validate a value and a
 * one-line description; the user documentation is generated from (and tested against) this enum.
 *
 * <p>Values are case-insensitive. An option written without a value ({@code WITH
 * (pgtrickle.append_only)}) means {@code true} for booleans and is an error for the others. A bad value
 * is an {@link SQLException} with SQLSTATE 22023 whose message names the option and what it accepts.
 */
public enum StreamOption {

  /** The marker that makes a materialized view a stream table. */
  STREAM(
      "stream",
      "false",
      List.of("true"),
      "true",
      "Makes the materialized view a stream table maintained by pgtrickle; only in CREATE, cannot be"
          + " changed by ALTER.",
      null,
      false,
      OptionParsers::bool),

  /** {@code refresh_mode}. */
  REFRESH_MODE(
      "refresh_mode",
      "auto",
      values(RefreshMode.values()),
      "auto | full | differential | immediate",
      "How the stream table is maintained: auto picks differential where possible and full"
          + " otherwise; full recomputes the query and applies the difference; differential applies"
          + " only the change since the last refresh; immediate maintains it inside every transaction"
          + " that writes a source.",
      "refresh_mode",
      true,
      (option, raw) -> OptionParsers.choice(option, raw, RefreshMode.values())),

  /** {@code schedule}. */
  SCHEDULE(
      "schedule",
      null,
      List.of(),
      "a duration such as 30s, 5m or 1h30m (units w, d, h, m, s), a 5-field cron expression, or"
          + " calculated",
      "When the scheduler refreshes the stream table; none means only on REFRESH MATERIALIZED VIEW.",
      "schedule",
      true,
      OptionParsers::schedule),

  /** {@code cdc_mode}. */
  CDC_MODE(
      "cdc_mode",
      "auto",
      values(CdcMode.values()),
      "auto | trigger | wal",
      "How changes of the source tables are captured for differential maintenance.",
      "cdc_mode",
      true,
      (option, raw) -> OptionParsers.choice(option, raw, CdcMode.values())),

  /** {@code append_only}. */
  APPEND_ONLY(
      "append_only",
      "false",
      List.of("true", "false"),
      "a boolean (true/false, on/off, yes/no, 1/0); without a value it means true",
      "Declares that the sources only ever receive inserts. Recorded in the catalog; maintenance does"
          + " not use it yet.",
      "append_only",
      true,
      OptionParsers::bool),

  /** {@code diamond_consistency}. */
  DIAMOND_CONSISTENCY(
      "diamond_consistency",
      "atomic",
      values(DiamondConsistency.values()),
      "none | atomic",
      "Whether stream tables that share upstream sources (a diamond) refresh together in one"
          + " transaction.",
      "diamond_consistency",
      true,
      (option, raw) -> OptionParsers.choice(option, raw, DiamondConsistency.values())),

  /** {@code post_refresh_action}. */
  POST_REFRESH_ACTION(
      "post_refresh_action",
      "none",
      PostRefreshActions.optionValues(),
      String.join(" | ", PostRefreshActions.optionValues()),
      "What runs after a refresh commits: nothing, or a post-refresh action (built-in or a plugin's),"
          + " run by the driver after the commit or by the scheduler.",
      "post_refresh_action",
      true,
      OptionParsers::postRefreshAction),

  /** {@code reindex_drift_threshold}. */
  REINDEX_DRIFT_THRESHOLD(
      "reindex_drift_threshold",
      "0.2",
      List.of(),
      "a number greater than 0 and at most 1",
      "Share of changed rows after which post_refresh_action = reindex_if_drift reindexes.",
      "reindex_drift_threshold",
      true,
      OptionParsers::threshold),

  /** {@code status}: ALTER only (suspend / resume scheduled refreshes). */
  STATUS(
      "status",
      "active",
      values(StreamStatus.values()),
      "active | suspended",
      "ALTER only: suspended stops scheduled refreshes (the scheduler sets it after repeated"
          + " failures); active resumes them and clears the failure count and backoff.",
      "status",
      true,
      (option, raw) -> OptionParsers.choice(option, raw, StreamStatus.values()));

  /** The prefix of every option name in SQL. */
  public static final String PREFIX = "pgtrickle.";

  private final String key;
  private final String defaultValue;
  private final List<String> allowedValues;
  private final String valueSyntax;
  private final String description;
  private final String catalogColumn;
  private final boolean alterable;
  private final OptionParsers.Parser parser;

  StreamOption(
      String key,
      String defaultValue,
      List<String> allowedValues,
      String valueSyntax,
      String description,
      String catalogColumn,
      boolean alterable,
      OptionParsers.Parser parser) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.allowedValues = List.copyOf(allowedValues);
    this.valueSyntax = valueSyntax;
    this.description = description;
    this.catalogColumn = catalogColumn;
    this.alterable = alterable;
    this.parser = parser;
  }

  /** The name without prefix, e.g. {@code refresh_mode}: how the driver hands it over. */
  public String key() {
    return key;
  }

  /** The name as written in SQL, e.g. {@code pgtrickle.refresh_mode}. */
  public String qualifiedName() {
    return PREFIX + key;
  }

  /** The default as SQL text, or null when the option has none (a schedule is optional). */
  public String defaultValue() {
    return defaultValue;
  }

  /** The allowed values when they are a fixed list, else empty (see {@link #valueSyntax()}). */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** What the option accepts, in words, e.g. {@code auto | full | differential | immediate}. */
  public String valueSyntax() {
    return valueSyntax;
  }

  /** One line describing the option. */
  public String description() {
    return description;
  }

  /** The column of {@code pgtrickle.pgt_stream_tables} that stores it; null for {@link #STREAM}. */
  public String catalogColumn() {
    return catalogColumn;
  }

  /** Whether {@code ALTER MATERIALIZED VIEW … SET/RESET} may change it. */
  public boolean alterable() {
    return alterable;
  }

  /**
   * Validates {@code rawValue} (null when the option was written without a value) and returns the
   * typed value: an {@link OptionValue} enum constant, a {@link Schedule}, a {@link Boolean} or a
   * {@link Double}.
   *
   * @throws SQLException SQLSTATE 22023 naming the option and what it accepts
   */
  public Object parse(String rawValue) throws SQLException {
    return parser.parse(this, rawValue);
  }

  /** The option whose {@link #key()} is {@code key} (case-insensitive), if any. */
  public static Optional<StreamOption> byKey(String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    if (wanted.startsWith(PREFIX)) {
      wanted = wanted.substring(PREFIX.length());
    }
    for (StreamOption option : values()) {
      if (option.key.equals(wanted)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  /**
   * The option named {@code key}.
   *
   * @throws SQLException SQLSTATE 22023 {@code unrecognized parameter "pgtrickle.key"} listing the
   *     valid options
   */
  public static StreamOption require(String key) throws SQLException {
    Optional<StreamOption> option = byKey(key);
    if (option.isPresent()) {
      return option.get();
    }
    String valid =
        Arrays.stream(values())
            .filter(o -> o != STREAM)
            .map(StreamOption::qualifiedName)
            .collect(Collectors.joining(", "));
    throw SqlStates.error(
        SqlStates.INVALID_PARAMETER_VALUE,
        "unrecognized parameter \"" + PREFIX + key + "\" (valid pgtrickle options: " + valid + ")",
        null,
        null);
  }

  private static List<String> values(OptionValue[] values) {
    return Arrays.stream(values).map(OptionValue::sqlName).toList();
  }
}
