package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.option.CdcMode;
import io.pgtrickle.refresh.option.DiamondConsistency;
import io.pgtrickle.refresh.option.ModePolicy;
import io.pgtrickle.refresh.option.OptionValidator;
import io.pgtrickle.refresh.option.PostRefreshChoice;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.option.Schedule;
import io.pgtrickle.refresh.option.StreamOption;
import io.pgtrickle.refresh.option.StreamOptions;
import io.pgtrickle.testing.Jdbc;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The option registry and validation, without a database. */
class OptionRegistryTest {

  @ParameterizedTest
  @EnumSource(StreamOption.class)
  void everyOptionIsDescribedAndItsDefaultValidates(StreamOption option) throws SQLException {
    assertTrue(option.qualifiedName().startsWith("pgtrickle."));
    assertFalse(option.description().isBlank());
    assertFalse(option.valueSyntax().isBlank());
    assertEquals(option, StreamOption.byKey(option.key()).orElseThrow());
    assertEquals(option, StreamOption.byKey(option.qualifiedName().toUpperCase()).orElseThrow());
    if (option.defaultValue() != null) {
      assertNotNull(option.parse(option.defaultValue()));
    }
    for (String allowed : option.allowedValues()) {
      assertNotNull(option.parse(allowed));
      assertNotNull(option.parse(allowed.toUpperCase()), "values are case-insensitive");
    }
    assertEquals(option != StreamOption.STREAM, option.catalogColumn() != null);
    assertEquals(option != StreamOption.STREAM, option.alterable());
  }

  @Test
  void defaults() {
    StreamOptions d = StreamOptions.defaults();
    assertEquals(RefreshMode.AUTO, d.refreshMode());
    assertNull(d.schedule());
    assertEquals(CdcMode.AUTO, d.cdcMode());
    assertFalse(d.appendOnly());
    assertEquals(DiamondConsistency.ATOMIC, d.diamondConsistency());
    assertEquals(PostRefreshChoice.NONE, d.postRefreshAction());
    assertEquals(0.2, d.reindexDriftThreshold());
  }

  @Test
  void unknownOptionIs22023NamingItAndListingTheValidOnes() {
    SQLException e = Jdbc.fails("22023", () -> StreamOption.require("refresh_mod"));
    assertTrue(e.getMessage().contains("pgtrickle.refresh_mod"), e.getMessage());
    assertTrue(e.getMessage().contains("pgtrickle.refresh_mode"), e.getMessage());
    Jdbc.fails("22023", () -> OptionValidator.forCreate(List.of(OptionSetting.of("bogus", "1"))));
  }

  @Test
  void badEnumValueNamesOptionAndListsAllowedValues() {
    SQLException e = Jdbc.fails("22023", () -> StreamOption.REFRESH_MODE.parse("fast"));
    assertTrue(e.getMessage().contains("pgtrickle.refresh_mode"), e.getMessage());
    assertTrue(e.getMessage().contains("\"fast\""), e.getMessage());
    assertTrue(e.getMessage().contains("auto, full, differential, immediate"), e.getMessage());
    for (StreamOption o : List.of(StreamOption.CDC_MODE, StreamOption.DIAMOND_CONSISTENCY,
        StreamOption.POST_REFRESH_ACTION)) {
      SQLException bad = Jdbc.fails("22023", () -> o.parse("nope"));
      assertTrue(bad.getMessage().contains(o.qualifiedName()), bad.getMessage());
      assertTrue(bad.getMessage().contains(String.join(", ", o.allowedValues())), bad.getMessage());
      Jdbc.fails("22023", () -> o.parse(null));
    }
  }

  @Test
  void enumValuesAreCaseInsensitive() throws SQLException {
    assertEquals(RefreshMode.FULL, StreamOption.REFRESH_MODE.parse("FuLl"));
    assertEquals(CdcMode.WAL, StreamOption.CDC_MODE.parse("WAL"));
    assertEquals(new PostRefreshChoice("reindex_if_drift"),
        StreamOption.POST_REFRESH_ACTION.parse("Reindex_If_Drift"));
    assertEquals(DiamondConsistency.NONE, StreamOption.DIAMOND_CONSISTENCY.parse("NONE"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "t", "tr", "yes", "y", "on", "ON", "1"})
  void booleanTrueSpellings(String v) throws SQLException {
    assertEquals(Boolean.TRUE, StreamOption.APPEND_ONLY.parse(v));
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "f", "fal", "no", "n", "off", "of", "OFF", "0"})
  void booleanFalseSpellings(String v) throws SQLException {
    assertEquals(Boolean.FALSE, StreamOption.APPEND_ONLY.parse(v));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "o", "2", "truee", "yess", "enabled", " true"})
  void booleanRejects(String v) {
    SQLException e = Jdbc.fails("22023", () -> StreamOption.APPEND_ONLY.parse(v));
    assertTrue(e.getMessage().contains("pgtrickle.append_only"), e.getMessage());
  }

  @Test
  void booleanWithoutValueIsTrue() throws SQLException {
    assertEquals(Boolean.TRUE, StreamOption.APPEND_ONLY.parse(null));
    StreamOptions o = OptionValidator.forCreate(List.of(OptionSetting.of("append_only", null)));
    assertTrue(o.appendOnly());
  }

  @Test
  void durations() throws SQLException {
    assertDuration("30s", 30);
    assertDuration("5m", 300);
    assertDuration("1h30m", 5400);
    assertDuration("1H30M", 5400);
    assertDuration("2d", 172_800);
    assertDuration("1w2d3h4m5s", 7 * 86_400 + 2 * 86_400 + 3 * 3600 + 4 * 60 + 5);
  }

  private static void assertDuration(String text, long seconds) throws SQLException {
    Schedule s = (Schedule) StreamOption.SCHEDULE.parse(text);
    assertEquals(Schedule.Kind.DURATION, s.kind());
    assertEquals(seconds, s.intervalSeconds());
    assertEquals(text.toLowerCase(), s.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "s", "0s", "0m0s", "30m1h", "1h 30m", "-5m", "1.5h", "5min", "1ms",
      "1m1m", "soon", "", "1234567890s"})
  void badSchedules(String v) {
    SQLException e = Jdbc.fails("22023", () -> StreamOption.SCHEDULE.parse(v));
    assertTrue(e.getMessage().contains("pgtrickle.schedule"), e.getMessage());
  }

  @Test
  void cronAndCalculated() throws SQLException {
    Schedule cron = (Schedule) StreamOption.SCHEDULE.parse("*/5  * * * 1-5");
    assertEquals(Schedule.Kind.CRON, cron.kind());
    assertEquals("*/5 * * * 1-5", cron.text());
    assertNull(cron.intervalSeconds());
    assertEquals(Schedule.Kind.CRON, ((Schedule) StreamOption.SCHEDULE.parse("0 3 * * *")).kind());
    assertEquals(Schedule.Kind.CALCULATED,
        ((Schedule) StreamOption.SCHEDULE.parse("CALCULATED")).kind());
    SQLException e = Jdbc.fails("22023", () -> StreamOption.SCHEDULE.parse("61 * * * *"));
    assertTrue(e.getMessage().contains("pgtrickle.schedule"), e.getMessage());
    Jdbc.fails("22023", () -> StreamOption.SCHEDULE.parse("* * * *"));
    Jdbc.fails("22023", () -> StreamOption.SCHEDULE.parse("0 0 * * * *"));
    Jdbc.fails("22023", () -> StreamOption.SCHEDULE.parse("a b c d e"));
    Jdbc.fails("22023", () -> StreamOption.SCHEDULE.parse(null));
  }

  @Test
  void thresholds() throws SQLException {
    assertEquals(0.5, StreamOption.REINDEX_DRIFT_THRESHOLD.parse("0.5"));
    assertEquals(1.0, StreamOption.REINDEX_DRIFT_THRESHOLD.parse("1"));
    assertEquals(0.001, StreamOption.REINDEX_DRIFT_THRESHOLD.parse("1e-3"));
    assertEquals(0.25, StreamOption.REINDEX_DRIFT_THRESHOLD.parse(".25"));
    for (String bad : List.of("0", "0.0", "1.01", "-0.5", "NaN", "Infinity", "abc", "0x1", "")) {
      SQLException e = Jdbc.fails("22023", () -> StreamOption.REINDEX_DRIFT_THRESHOLD.parse(bad));
      assertTrue(e.getMessage().contains("pgtrickle.reindex_drift_threshold"), e.getMessage());
    }
  }

  @Test
  void duplicatesAndStreamOption() throws SQLException {
    Jdbc.fails("22023", () -> OptionValidator.forCreate(
        List.of(OptionSetting.of("refresh_mode", "full"), OptionSetting.of("REFRESH_MODE", "auto"))));
    Jdbc.fails("22023", () -> OptionValidator.forCreate(List.of(OptionSetting.of("stream", "false"))));
    assertEquals(StreamOptions.defaults(),
        OptionValidator.forCreate(List.of(OptionSetting.of("stream", "true"))));
    SQLException e = Jdbc.fails("0A000", () -> OptionValidator.forAlter(StreamOptions.defaults(),
        List.of(OptionSetting.of("stream", "false")), List.of()));
    assertTrue(e.getMessage().contains("pgtrickle.stream"), e.getMessage());
    Jdbc.fails("0A000", () -> OptionValidator.forAlter(StreamOptions.defaults(), List.of(),
        List.of("stream")));
    Jdbc.fails("22023", () -> OptionValidator.forAlter(StreamOptions.defaults(),
        List.of(OptionSetting.of("cdc_mode", "wal")), List.of("cdc_mode")));
  }

  @Test
  void alterSetAndReset() throws SQLException {
    StreamOptions changed = OptionValidator.forAlter(StreamOptions.defaults(),
        List.of(OptionSetting.of("schedule", "5m"), OptionSetting.of("append_only", "on")), List.of());
    assertEquals(300L, changed.schedule().intervalSeconds());
    assertTrue(changed.appendOnly());
    StreamOptions reset =
        OptionValidator.forAlter(changed, List.of(), List.of("schedule", "append_only"));
    assertEquals(StreamOptions.defaults(), reset);
  }

  @Test
  void modePolicy() throws SQLException {
    assertEquals(RefreshMode.FULL, ModePolicy.effectiveMode(RefreshMode.AUTO));
    assertEquals(RefreshMode.FULL, ModePolicy.effectiveMode(RefreshMode.FULL));
    assertEquals(RefreshMode.DIFFERENTIAL, ModePolicy.effectiveMode(RefreshMode.DIFFERENTIAL));
    assertEquals(RefreshMode.IMMEDIATE, ModePolicy.effectiveMode(RefreshMode.IMMEDIATE));
  }
}
