package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class AlterStreamTableTest {

  private static final String OPTIONS = "SELECT refresh_mode, schedule, schedule_kind,"
      + " schedule_interval, cdc_mode, append_only, diamond_consistency, post_refresh_action,"
      + " reindex_drift_threshold, effective_mode FROM pgtrickle.pgt_stream_tables WHERE storage_name = ";

  @BeforeAll
  static void setUp(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE src(a int)", "INSERT INTO src SELECT generate_series(1, 10)",
        "CREATE MATERIALIZED VIEW plain_mv AS SELECT a FROM src", "CREATE TABLE plain_table(a int)");
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
    }
  }

  @Test
  void setEveryOptionThenResetToDefaults(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      DdlOutcome outcome = Ddl.run(c, Ddl.alterSet("st", Ddl.opt("refresh_mode", "Full"),
          Ddl.opt("schedule", "0 */2 * * *"), Ddl.opt("cdc_mode", "wal"),
          Ddl.opt("append_only", "yes"), Ddl.opt("diamond_consistency", "NONE"),
          Ddl.opt("post_refresh_action", "analyze"), Ddl.opt("reindex_drift_threshold", "1")));
      assertEquals(0, outcome.updateCount());
      assertEquals(List.of(Arrays.asList("full", "0 */2 * * *", "cron", null, "wal", "t", "none",
          "analyze", "1", "full")), Jdbc.rows(c, OPTIONS + "'st'"));
      Ddl.run(c, Ddl.alterSet("st", Ddl.opt("schedule", "45s")));
      assertEquals("00:00:45", Jdbc.rows(c, OPTIONS + "'st'").get(0).get(3));
      Ddl.run(c, Ddl.alterReset("st", "refresh_mode", "schedule", "cdc_mode", "append_only",
          "diamond_consistency", "post_refresh_action", "reindex_drift_threshold"));
      // back to auto: the query (a scan) is maintained differentially
      assertEquals(List.of(Arrays.asList("auto", null, null, null, "auto", "f", "atomic", "none",
          "0.2", "differential")), Jdbc.rows(c, OPTIONS + "'st'"));
    }
  }

  @Test
  void badInputChangesNothing(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.alterSet("st", Ddl.opt("post_refresh_action", "reindex")));
      List<List<String>> before = Jdbc.rows(c, OPTIONS + "'st'");
      SQLException unknown =
          Jdbc.fails("22023", () -> Ddl.run(c, Ddl.alterSet("st", Ddl.opt("refresh_rate", "1"))));
      assertTrue(unknown.getMessage().contains("pgtrickle.refresh_rate"));
      SQLException bad = Jdbc.fails("22023", () -> Ddl.run(c,
          Ddl.alterSet("st", Ddl.opt("schedule", "5m"), Ddl.opt("diamond_consistency", "eventual"))));
      assertTrue(bad.getMessage().contains("pgtrickle.diamond_consistency"));
      assertTrue(bad.getMessage().contains("none, atomic"));
      Jdbc.fails("22023", () -> Ddl.run(c, Ddl.alterReset("st", "no_such_option")));
      SQLException stream =
          Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.alterSet("st", Ddl.opt("stream", "false"))));
      assertTrue(stream.getMessage().contains("pgtrickle.stream"));
      Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.alterReset("st", "stream")));
      assertEquals(before, Jdbc.rows(c, OPTIONS + "'st'"));
      Ddl.run(c, Ddl.alterReset("st", "post_refresh_action"));
    }
  }

  @Test
  void storageParameters(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, new AlterStreamTable(Ddl.name("st"), false, List.of(Ddl.opt("schedule", "1m")),
          List.of(), List.of(new OptionSetting("fillfactor", "60", "60")), List.of(), "…"));
      assertEquals("{fillfactor=60}", Jdbc.text(c, "SELECT reloptions FROM pg_class WHERE oid = 'st'::regclass"));
      assertEquals("1m", Jdbc.rows(c, OPTIONS + "'st'").get(0).get(1));
      Ddl.run(c, new AlterStreamTable(Ddl.name("st"), false, List.of(), List.of(), List.of(),
          List.of("fillfactor"), "…"));
      assertEquals(null, Jdbc.text(c, "SELECT reloptions FROM pg_class WHERE oid = 'st'::regclass"));
      Jdbc.fails("22023", () -> Ddl.run(c, new AlterStreamTable(Ddl.name("st"), false, List.of(),
          List.of(), List.of(new OptionSetting("fillfactor", "5", "5")), List.of(), "…")));
      Ddl.run(c, Ddl.alterReset("st", "schedule"));
    }
  }

  @Test
  void missingNamesAndNonStreamTables(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      SQLException missing = Jdbc.fails("42P01",
          () -> Ddl.run(c, Ddl.alterSet("nope", Ddl.opt("schedule", "1m"))));
      assertTrue(missing.getMessage().contains("relation \"nope\" does not exist"), missing.getMessage());
      Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.alterSet("public.nope", Ddl.opt("schedule", "1m"))));
      DdlOutcome skipped = Ddl.run(c, new AlterStreamTable(Ddl.name("nope"), true,
          List.of(Ddl.opt("schedule", "1m")), List.of(), List.of(), List.of(), "…"));
      assertEquals(0, skipped.updateCount());
      assertEquals(1, skipped.warnings().size());
      assertTrue(skipped.warnings().get(0).getMessage()
          .contains("relation \"nope\" does not exist, skipping"));

      SQLException notStream = Jdbc.fails("42809",
          () -> Ddl.run(c, Ddl.alterSet("plain_mv", Ddl.opt("schedule", "1m"))));
      assertTrue(notStream.getMessage().contains("\"plain_mv\" is not a stream table"));
      Jdbc.fails("42809", () -> Ddl.run(c, Ddl.alterReset("plain_table", "schedule")));
      // no pgtrickle options: PostgreSQL's own ALTER MATERIALIZED VIEW
      Ddl.run(c, new AlterStreamTable(Ddl.name("plain_mv"), false, List.of(), List.of(),
          List.of(new OptionSetting("fillfactor", "80", "80")), List.of(), "…"));
      assertEquals("{fillfactor=80}",
          Jdbc.text(c, "SELECT reloptions FROM pg_class WHERE oid = 'plain_mv'::regclass"));
    }
  }
}
