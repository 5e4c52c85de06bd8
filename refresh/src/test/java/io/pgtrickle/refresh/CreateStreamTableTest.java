package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

@PgTest
class CreateStreamTableTest {

  @BeforeAll
  static void sources(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE orders(id int PRIMARY KEY, customer int, amount numeric(10,2))",
        "INSERT INTO orders SELECT g, g % 5, g * 1.5 FROM generate_series(1, 20) g",
        "CREATE SCHEMA crm",
        "CREATE TABLE crm.customers(id int, name text)",
        "INSERT INTO crm.customers VALUES (0,'zero'),(1,'one'),(2,'two'),(3,NULL)",
        "CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 10");
  }

  private static void assertNothingNamed(Connection c, String name) throws SQLException {
    assertNull(Jdbc.scalar(c, "SELECT to_regclass('" + name + "')"), name + " should not exist");
    if (Jdbc.scalar(c, "SELECT to_regclass('pgtrickle.pgt_stream_tables')") != null) {
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = '" + name + "'"));
    }
  }

  @Test
  void createPopulatesAndRecordsEverything(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      String query = "SELECT customer, count(*) AS n, sum(amount) AS total FROM orders GROUP BY customer";
      DdlOutcome outcome = Ddl.run(c, Ddl.create("per_customer", query));
      assertEquals(5, outcome.updateCount());
      assertEquals(List.of(), outcome.warnings());
      MultisetOracle.assertSameRows(c, "SELECT customer, n, total FROM per_customer", query);
      assertEquals("r", Jdbc.text(c, "SELECT relkind FROM pg_class WHERE oid = 'per_customer'::regclass"));
      // the user columns, then the hidden state of the algebraic aggregates (count, sum)
      assertEquals(List.of(List.of("customer", "integer"), List.of("n", "bigint"),
              List.of("total", "numeric"), List.of("__pgt_count", "bigint"), List.of("__pgt_a0_count", "bigint"),
              List.of("__pgt_a1_sum", "numeric"), List.of("__pgt_a1_count", "bigint")),
          Jdbc.rows(c, "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
              + " WHERE attrelid = 'per_customer'::regclass AND attnum > 0 ORDER BY attnum"));
      List<List<String>> row = Jdbc.rows(c, """
          SELECT storage_relid = 'per_customer'::regclass, storage_schema, storage_name,
                 definition_view_relid = ('pgtrickle.' || quote_ident(definition_view_name))::regclass,
                 original_sql LIKE 'CREATE MATERIALIZED VIEW per_customer%', defining_query,
                 column_names, refresh_mode, schedule, schedule_kind, schedule_interval, cdc_mode,
                 append_only, diamond_consistency, post_refresh_action, reindex_drift_threshold,
                 effective_mode, status, is_populated, frontier IS NOT NULL, last_refresh_at IS NOT NULL,
                 last_error_message, consecutive_failures, created_by = current_user
            FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'per_customer'""");
      assertEquals(List.of(List.of("t", "public", "per_customer", "t", "t", query, "{}", "auto")),
          List.of(row.get(0).subList(0, 8)));
      assertEquals(java.util.Arrays.asList(null, null, null, "auto", "f", "atomic", "none", "0.2",
              "differential", "active", "t", "t", "t", null, "0", "t"),
          row.get(0).subList(8, 24));
      // the guard trigger and the definition view
      assertEquals(List.of(List.of("__pgt_guard", "pgt_guard")), Jdbc.rows(c,
          "SELECT t.tgname, p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
              + " WHERE t.tgrelid = 'per_customer'::regclass"));
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables s JOIN pg_views v"
          + " ON v.schemaname = 'pgtrickle' AND v.viewname = s.definition_view_name"
          + " WHERE s.storage_name = 'per_customer'"));
      // history of the initial population
      assertEquals(List.of(List.of("create", "auto", "full", "5", "0", "succeeded", "t")),
          Jdbc.rows(c, "SELECT initiator, requested_strategy, executed_strategy, rows_inserted,"
              + " rows_deleted, h.status, duration_ms >= 0 FROM pgtrickle.pgt_refresh_history h"
              + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'per_customer'"));
      Ddl.run(c, Ddl.drop(false, "per_customer"));
    }
  }

  @Test
  void everyOptionIsStoredInItsColumn(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("opts", "SELECT id FROM orders",
          Ddl.opt("refresh_mode", "FULL"), Ddl.opt("schedule", "1h30m"), Ddl.opt("cdc_mode", "Trigger"),
          new OptionSetting("append_only", null, null), Ddl.opt("diamond_consistency", "none"),
          Ddl.opt("post_refresh_action", "reindex_if_drift"),
          Ddl.opt("reindex_drift_threshold", "0.35")));
      assertEquals(List.of(java.util.Arrays.asList("full", "1h30m", "duration", "01:30:00", "trigger", "t", "none",
              "reindex_if_drift", "0.35", "full")),
          Jdbc.rows(c, "SELECT refresh_mode, schedule, schedule_kind, schedule_interval, cdc_mode,"
              + " append_only, diamond_consistency, post_refresh_action, reindex_drift_threshold,"
              + " effective_mode FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'opts'"));
      Ddl.run(c, Ddl.create("opts_cron", "SELECT id FROM orders", Ddl.opt("schedule", "*/5 * * * *")));
      assertEquals(List.of(java.util.Arrays.asList("*/5 * * * *", "cron", null)), Jdbc.rows(c,
          "SELECT schedule, schedule_kind, schedule_interval FROM pgtrickle.pgt_stream_tables"
              + " WHERE storage_name = 'opts_cron'"));
      Ddl.run(c, Ddl.drop(false, "opts", "opts_cron"));
    }
  }

  @Test
  void unsupportedModesAndBadOptionsCreateNothing(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      // differential is refused only for queries it cannot maintain (DifferentialModeTest)
      // and immediate too (ImmediateModeTest); a query without FROM has nothing to maintain from
      for (String mode : List.of("IMMEDIATE")) {
        SQLException e = Jdbc.fails("0A000", () -> Ddl.run(c,
            Ddl.create("m", "SELECT random() AS x", Ddl.opt("refresh_mode", mode))));
        assertTrue(e.getMessage().contains(
            "refresh_mode '" + mode.toLowerCase() + "' cannot maintain this query"), e.getMessage());
        assertNothingNamed(c, "m");
      }
      SQLException unknown = Jdbc.fails("22023",
          () -> Ddl.run(c, Ddl.create("m", "SELECT 1 AS x", Ddl.opt("refresh_modes", "full"))));
      assertTrue(unknown.getMessage().contains("pgtrickle.refresh_modes"), unknown.getMessage());
      SQLException bad = Jdbc.fails("22023",
          () -> Ddl.run(c, Ddl.create("m", "SELECT 1 AS x", Ddl.opt("cdc_mode", "logical"))));
      assertTrue(bad.getMessage().contains("pgtrickle.cdc_mode"), bad.getMessage());
      assertTrue(bad.getMessage().contains("auto, trigger, wal"), bad.getMessage());
      Jdbc.fails("22023",
          () -> Ddl.run(c, Ddl.create("m", "SELECT 1 AS x", Ddl.opt("schedule", "often"))));
      Jdbc.fails("22023", () -> Ddl.run(c,
          Ddl.create("m", "SELECT 1 AS x", Ddl.opt("reindex_drift_threshold", "2"))));
      Jdbc.fails("22023",
          () -> Ddl.run(c, Ddl.create("m", "SELECT 1 AS x", Ddl.opt("append_only", "maybe"))));
      assertNothingNamed(c, "m");
    }
  }

  @Test
  void nameClashIs42P07OrANoticeWithIfNotExists(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE taken(a int)", "INSERT INTO taken VALUES (42)");
      SQLException e = Jdbc.fails("42P07", () -> Ddl.run(c, Ddl.create("taken", "SELECT 1 AS x")));
      assertTrue(e.getMessage().contains("relation \"taken\" already exists"), e.getMessage());

      CreateStreamTable ifNotExists = new CreateStreamTable(Ddl.name("taken"), true, List.of(),
          List.of(), List.of(), "SELECT 1 AS x", true, "…");
      DdlOutcome outcome = Ddl.run(c, ifNotExists);
      assertEquals(0, outcome.updateCount());
      assertEquals(1, outcome.warnings().size());
      assertEquals("42P07", outcome.warnings().get(0).getSQLState());
      assertTrue(outcome.warnings().get(0).getMessage()
          .contains("relation \"taken\" already exists, skipping"));
      assertEquals(List.of(List.of("42")), Jdbc.rows(c, "SELECT * FROM taken"));

      Ddl.run(c, Ddl.create("st_taken", "SELECT 1 AS x"));
      Jdbc.fails("42P07", () -> Ddl.run(c, Ddl.create("st_taken", "SELECT 2 AS x")));
      Jdbc.fails("42P07", () -> Ddl.run(c, Ddl.create("public.st_taken", "SELECT 2 AS x")));
      assertEquals(1, Ddl.run(c, new CreateStreamTable(Ddl.name("st_taken"), true, List.of(),
          List.of(), List.of(), "SELECT 2 AS x", true, "…")).warnings().size());
      assertEquals(List.of(List.of("1")), Jdbc.rows(c, "SELECT * FROM st_taken"));
      assertEquals(1, Jdbc.count(c,
          "SELECT count(*) FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'st_taken'"));
      // the same name in another schema is no clash
      Ddl.run(c, Ddl.create("crm.st_taken", "SELECT 3 AS x"));
      assertEquals(List.of(List.of("3")), Jdbc.rows(c, "SELECT * FROM crm.st_taken"));
      Ddl.run(c, Ddl.drop(false, "st_taken", "crm.st_taken"));
    }
  }

  @Test
  void badQueriesFailWithPostgresqlsOwnError(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      SQLException missingTable =
          Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.create("bad", "SELECT * FROM no_such_table")));
      assertTrue(missingTable instanceof PSQLException);
      assertTrue(missingTable.getMessage().contains("relation \"no_such_table\" does not exist"));
      assertTrue(((PSQLException) missingTable).getServerErrorMessage().getPosition() > 0,
          "the server's own error, with its position");
      SQLException missingColumn =
          Jdbc.fails("42703", () -> Ddl.run(c, Ddl.create("bad", "SELECT no_such_column FROM orders")));
      assertTrue(missingColumn.getMessage().contains("column \"no_such_column\" does not exist"));
      Jdbc.fails("42601", () -> Ddl.run(c, Ddl.create("bad", "SELEC 1")));
      Jdbc.fails("42883", () -> Ddl.run(c, Ddl.create("bad", "SELECT no_such_function(1)")));
      Jdbc.fails("42701", () -> Ddl.run(c, Ddl.create("bad", "SELECT 1 AS a, 2 AS a")));
      assertNothingNamed(c, "bad");
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pg_views WHERE schemaname = 'pgtrickle'"
          + " AND viewname LIKE '\\_\\_pgt\\_def\\_%' AND NOT EXISTS (SELECT 1 FROM"
          + " pgtrickle.pgt_stream_tables s WHERE s.definition_view_name = viewname)"));
    }
  }

  @Test
  void temporarySourcesAreRefused(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TEMP TABLE scratch(a int)");
      SQLException e =
          Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.create("from_temp", "SELECT * FROM scratch")));
      assertTrue(e.getMessage().contains("stream tables must not use temporary tables or views"));
      assertNothingNamed(c, "from_temp");
    }
  }

  @Test
  void reservedColumnNamesAreRefused(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.fails("42939", () -> Ddl.run(c, Ddl.create("r", "SELECT 1 AS __pgt_x")));
      Jdbc.fails("42939", () -> Ddl.run(c, new CreateStreamTable(Ddl.name("r"), false,
          List.of("__pgt_row_id"), List.of(), List.of(), "SELECT 1", true, "…")));
      assertNothingNamed(c, "r");
    }
  }

  @Test
  void explicitColumnNames(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, new CreateStreamTable(Ddl.name("renamed"), false, List.of("Order Id", "who"),
          List.of(), List.of(), "SELECT id, customer, amount FROM orders", true, "…"));
      assertEquals(List.of(List.of("Order Id"), List.of("who"), List.of("amount")), Jdbc.rows(c,
          "SELECT attname FROM pg_attribute WHERE attrelid = 'renamed'::regclass AND attnum > 0"
              + " ORDER BY attnum"));
      assertEquals("{\"Order Id\",who}", Jdbc.text(c, "SELECT column_names FROM"
          + " pgtrickle.pgt_stream_tables WHERE storage_name = 'renamed'"));
      MultisetOracle.assertSameRows(c, "SELECT \"Order Id\", who, amount FROM renamed",
          "SELECT id, customer, amount FROM orders");
      Jdbc.fails("42601", () -> Ddl.run(c, new CreateStreamTable(Ddl.name("too_many"), false,
          List.of("a", "b"), List.of(), List.of(), "SELECT 1", true, "…")));
      assertNothingNamed(c, "too_many");
      Ddl.run(c, Ddl.drop(false, "renamed"));
    }
  }

  @Test
  void storageParametersGoToTheTable(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, new CreateStreamTable(Ddl.name("tuned"), false, List.of(), List.of(),
          List.of(new OptionSetting("fillfactor", "70", "70"),
              new OptionSetting("autovacuum_enabled", "false", "false")),
          "SELECT id FROM orders", true, "…"));
      assertEquals("{fillfactor=70,autovacuum_enabled=false}",
          Jdbc.text(c, "SELECT reloptions FROM pg_class WHERE oid = 'tuned'::regclass"));
      Jdbc.fails("22023", () -> Ddl.run(c, new CreateStreamTable(Ddl.name("mistuned"), false,
          List.of(), List.of(), List.of(new OptionSetting("fillfactory", "70", "70")),
          "SELECT 1 AS x", true, "…")));
      assertNothingNamed(c, "mistuned");
      Ddl.run(c, Ddl.drop(false, "tuned"));
    }
  }

  @Test
  void withNoDataCreatesAnEmptyUnpopulatedTable(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      DdlOutcome outcome = Ddl.run(c, Ddl.createNoData("later", "SELECT id FROM orders"));
      assertEquals(0, outcome.updateCount());
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM later"));
      assertEquals(List.of(java.util.Arrays.asList("f", null)), Jdbc.rows(c, "SELECT is_populated, last_refresh_at"
          + " FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'later'"));
      assertEquals(List.of(List.of("create", "no_data")), Jdbc.rows(c, "SELECT initiator,"
          + " executed_strategy FROM pgtrickle.pgt_refresh_history h JOIN"
          + " pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'later'"));
      Ddl.run(c, Ddl.refresh("later"));
      assertEquals(20, Jdbc.count(c, "SELECT count(*) FROM later"));
      assertEquals("true", Jdbc.text(c,
          "SELECT is_populated FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'later'"));
      Ddl.run(c, Ddl.drop(false, "later"));
    }
  }

  @Test
  void quotedAndQualifiedNamesAndSearchPath(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE SCHEMA \"Odd Schema\"");
      Ddl.run(c, Ddl.create("Odd Schema.We\"ird-Name", "SELECT name FROM crm.customers"));
      assertEquals(4, Jdbc.count(c, "SELECT count(*) FROM \"Odd Schema\".\"We\"\"ird-Name\""));
      assertTrue(Ddl.ENGINE.isStreamTable(c, QualifiedName.of("Odd Schema", "We\"ird-Name")));
      Ddl.run(c, Ddl.refresh("Odd Schema.We\"ird-Name"));

      Jdbc.exec(c, "SET search_path = crm, public");
      Ddl.run(c, Ddl.create("in_first_schema", "SELECT id FROM customers"));
      assertEquals("crm", Jdbc.text(c, "SELECT relnamespace::regnamespace FROM pg_class"
          + " WHERE relname = 'in_first_schema'"));
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("in_first_schema")));
      Jdbc.exec(c, "SET search_path = public");
      assertTrue(!Ddl.ENGINE.isStreamTable(c, Ddl.name("in_first_schema")));
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("crm.in_first_schema")));

      Jdbc.exec(c, "SET search_path = ''");
      Jdbc.fails("3F000", () -> Ddl.run(c, Ddl.create("nowhere", "SELECT 1 AS x")));
      Jdbc.exec(c, "RESET search_path");
      Jdbc.fails("3F000", () -> Ddl.run(c, Ddl.create("no_schema.x", "SELECT 1 AS x")));
      Ddl.run(c, Ddl.drop(false, "Odd Schema.We\"ird-Name", "crm.in_first_schema"));
    }
  }

  @Test
  void dependenciesAreRecordedByOidWithSchemaAndKind(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("joined", "SELECT o.id, c.name FROM orders o"
          + " JOIN crm.customers c ON c.id = o.customer JOIN big_orders b ON b.id = o.id"));
      assertEquals(List.of(
              java.util.Arrays.asList("crm", "customers", "r", "f", null, "t"),
              java.util.Arrays.asList("public", "big_orders", "v", "f", null, "t"),
              java.util.Arrays.asList("public", "orders", "r", "f", null, "t")),
          Jdbc.rows(c, """
              SELECT d.source_schema, d.source_name, d.source_relkind, d.source_is_stream_table,
                     d.source_pgt_id,
                     d.source_relid = (quote_ident(d.source_schema) || '.' || quote_ident(d.source_name))::regclass
                FROM pgtrickle.pgt_dependencies d JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)
               WHERE s.storage_name = 'joined' ORDER BY 1, 2"""));
      // stream table over a stream table
      Ddl.run(c, Ddl.create("crm.names_again", "SELECT name FROM joined WHERE name IS NOT NULL"));
      assertEquals(List.of(List.of("public", "joined", "r", "t", "t")), Jdbc.rows(c, """
          SELECT d.source_schema, d.source_name, d.source_relkind, d.source_is_stream_table,
                 d.source_pgt_id = (SELECT pgt_id FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'joined')
            FROM pgtrickle.pgt_dependencies d JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)
           WHERE s.storage_name = 'names_again'"""));
      // PostgreSQL refuses to drop a source without CASCADE, as for a materialized view
      SQLException e = Jdbc.fails("2BP01", () -> Jdbc.exec(c, "DROP TABLE crm.customers"));
      assertTrue(e.getMessage().contains("other objects depend on it"), e.getMessage());
      // sources are pinned by OID: renaming one does not break the stream table
      Jdbc.exec(c, "ALTER TABLE crm.customers RENAME TO clients");
      Ddl.run(c, Ddl.refresh("joined"));
      Jdbc.exec(c, "ALTER TABLE crm.clients RENAME TO customers");
      Ddl.run(c, Ddl.drop(true, "joined"));
      assertNull(Jdbc.scalar(c, "SELECT to_regclass('crm.names_again')"));
    }
  }

  @Test
  void zeroColumnQuery(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertEquals(20, Ddl.run(c, Ddl.create("no_columns", "SELECT FROM orders")).updateCount());
      Jdbc.exec(c, "DELETE FROM orders WHERE id > 18");
      Ddl.run(c, Ddl.refresh("no_columns"));
      assertEquals(18, Jdbc.count(c, "SELECT count(*) FROM no_columns"));
      Jdbc.exec(c, "INSERT INTO orders VALUES (19, 4, 28.5), (20, 0, 30)");
      Ddl.run(c, Ddl.refresh("no_columns"));
      assertEquals(20, Jdbc.count(c, "SELECT count(*) FROM no_columns"));
      Ddl.run(c, Ddl.drop(false, "no_columns"));
    }
  }
}
