package io.pgtrickle.refresh.option;

import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the {@code pgtrickle.*} items of a CREATE (WITH) or ALTER (SET/RESET) to an option set:
 * unknown names, repeated names and bad values are SQLSTATE 22023 errors naming the option;
 * {@code pgtrickle.stream} in ALTER is 0A000. Whether the resulting modes are supported is
 * {@link ModePolicy}'s decision.
 */
public final class OptionValidator {

  private OptionValidator() {}

  /** The options of {@code CREATE … WITH (…)}, starting from the defaults. */
  public static StreamOptions forCreate(List<OptionSetting> settings) throws SQLException {
    StreamOptions options = StreamOptions.defaults();
    Set<StreamOption> seen = new HashSet<>();
    for (OptionSetting setting : settings) {
      StreamOption option = StreamOption.require(setting.name());
      once(seen, option);
      Object value = option.parse(setting.value());
      if (option == StreamOption.STATUS) {
        throw SqlStates.error(
            SqlStates.FEATURE_NOT_SUPPORTED,
            "option \"pgtrickle.status\" can only be changed by ALTER MATERIALIZED VIEW",
            null,
            "A new stream table is active; suspend it afterwards with ALTER MATERIALIZED VIEW … SET"
                + " (pgtrickle.status = 'suspended').");
      }
      if (option == StreamOption.STREAM && !Boolean.TRUE.equals(value)) {
        throw SqlStates.error(
            SqlStates.INVALID_PARAMETER_VALUE,
            "option \"pgtrickle.stream\" must be true for a stream table");
      }
      options = options.with(option, value);
    }
    return options;
  }

  /** The options after {@code ALTER … SET (…)} / {@code RESET (…)} on {@code current}. */
  public static StreamOptions forAlter(
      StreamOptions current, List<OptionSetting> set, List<String> reset) throws SQLException {
    StreamOptions options = current;
    Set<StreamOption> seen = new HashSet<>();
    for (OptionSetting setting : set) {
      StreamOption option = alterable(setting.name());
      once(seen, option);
      options = options.with(option, option.parse(setting.value()));
    }
    for (String name : reset) {
      StreamOption option = alterable(name);
      once(seen, option);
      options = options.reset(option);
    }
    return options;
  }

  /**
   * The {@code pgtrickle.status} an ALTER asks for ({@code RESET} = active), if it names it; the value
   * is validated by {@link #forAlter}.
   */
  public static java.util.Optional<StreamStatus> requestedStatus(
      List<OptionSetting> set, List<String> reset) throws SQLException {
    for (OptionSetting setting : set) {
      if (StreamOption.byKey(setting.name()).orElse(null) == StreamOption.STATUS) {
        return java.util.Optional.of((StreamStatus) StreamOption.STATUS.parse(setting.value()));
      }
    }
    for (String name : reset) {
      if (StreamOption.byKey(name).orElse(null) == StreamOption.STATUS) {
        return java.util.Optional.of(StreamStatus.ACTIVE);
      }
    }
    return java.util.Optional.empty();
  }

  private static StreamOption alterable(String name) throws SQLException {
    StreamOption option = StreamOption.require(name);
    if (!option.alterable()) {
      throw SqlStates.error(
          SqlStates.FEATURE_NOT_SUPPORTED,
          "option \"" + option.qualifiedName() + "\" cannot be changed by ALTER MATERIALIZED VIEW",
          null,
          "To turn a stream table into a plain materialized view (or back), drop it and create it"
              + " again.");
    }
    return option;
  }

  private static void once(Set<StreamOption> seen, StreamOption option) throws SQLException {
    if (!seen.add(option)) {
      throw SqlStates.error(
          SqlStates.INVALID_PARAMETER_VALUE,
          "parameter \"" + option.qualifiedName() + "\" specified more than once");
    }
  }
}
