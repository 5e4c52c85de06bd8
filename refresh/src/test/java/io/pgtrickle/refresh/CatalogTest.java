package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.catalog.CatalogMigrator;
import io.pgtrickle.refresh.catalog.CatalogState;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Catalog creation, versioning, caching and recovery. Methods run in order on one database. */
@PgTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogTest {

  @Test
  @Order(0)
  void everyMigrationResourceIsListedInOrder() throws IOException, URISyntaxException {
    Path dir = Path.of(CatalogMigrator.class.getResource("V1__catalog.sql").toURI()).getParent();
    List<String> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sql")).sorted()
          .toList();
    }
    assertEquals(files.size(), CatalogMigrator.MIGRATIONS.size());
    for (int i = 0; i < CatalogMigrator.MIGRATIONS.size(); i++) {
      assertTrue(CatalogMigrator.MIGRATIONS.get(i).startsWith("V" + (i + 1) + "__"));
      assertTrue(files.contains(CatalogMigrator.MIGRATIONS.get(i)));
    }
  }

  @Test
  @Order(1)
  void isStreamTableDoesNotCreateTheCatalog(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE plain(a int)", "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x");
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("plain")));
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("mv")));
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("nothing.here")));
      assertNull(Jdbc.scalar(c, "SELECT to_regnamespace('pgtrickle')"));
      // also inside a transaction: no error, no write
      c.setAutoCommit(false);
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("plain")));
      assertEquals("0", Jdbc.text(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid'"
          + " AND pid = pg_backend_pid()"));
      c.rollback();
    }
  }

  @Test
  @Order(2)
  void concurrentFirstUsesCreateTheCatalogOnce(TestDatabase db) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          try (Connection c = db.connect()) {
            new PgTrickleEngine(new CatalogState())
                .execute(c, Ddl.create("first_" + n, "SELECT " + n + " AS x"));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = db.connect()) {
      assertEquals(expectedVersions(m -> m.group(2).replace('_', ' ')),
          Jdbc.rows(c, "SELECT version, description FROM pgtrickle.schema_version"));
      assertEquals(4, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("first_0")));
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("public.first_1")));
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("plain")));
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("mv")));
    }
  }

  @Test
  @Order(3)
  void schemaVersionRecordsWhoAndWhen(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertEquals(expectedVersions(m -> "t", m -> "t"), Jdbc.rows(c,
          "SELECT version, installed_by = current_user, installed_at <= now() FROM pgtrickle.schema_version"));
      assertEquals(CatalogMigrator.latestVersion(), CatalogMigrator.installedVersion(c));
    }
  }

  @Test
  @Order(4)
  void everyCatalogTableAndColumnIsCommented(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertEquals(List.of(), Jdbc.rows(c, """
          SELECT cl.relname, a.attname
            FROM pg_class cl JOIN pg_attribute a ON a.attrelid = cl.oid
           WHERE cl.relnamespace = 'pgtrickle'::regnamespace AND cl.relkind IN ('r', 'v')
             AND cl.relname NOT LIKE '\\_\\_pgt\\_def\\_%'
             AND a.attnum > 0 AND NOT a.attisdropped
             AND col_description(cl.oid, a.attnum) IS NULL
          ORDER BY 1, 2"""));
      assertEquals(List.of(), Jdbc.rows(c, """
          SELECT relname FROM pg_class
           WHERE relnamespace = 'pgtrickle'::regnamespace AND relkind IN ('r', 'v')
             AND obj_description(oid, 'pg_class') IS NULL"""));
    }
  }

  @Test
  @Order(5)
  void catalogIsReadableButNotWritableByAnyRole(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "DROP ROLE IF EXISTS pgt_reader", "CREATE ROLE pgt_reader");
      c.setAutoCommit(false);
      Jdbc.exec(c, "SET LOCAL ROLE pgt_reader");
      assertEquals(4, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_status"));
      assertEquals(4, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_refresh_history"));
      assertEquals(4, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
      // the driver of any role can ask whether a name is a stream table
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("first_2")));
      Jdbc.fails("42501", () -> Jdbc.exec(c, "DELETE FROM pgtrickle.pgt_stream_tables"));
      c.rollback();
    }
  }

  @Test
  @Order(6)
  void aDroppedCatalogIsRecreatedAfterUndefinedTable(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      for (int i = 0; i < 4; i++) {
        Ddl.run(c, Ddl.drop(false, "first_" + i));
      }
      Jdbc.exec(c, "DROP SCHEMA pgtrickle CASCADE");
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("plain")));
      // the shared engine still believes the catalog is current: the undefined_table failure makes it
      // check again, install the catalog and retry once
      assertEquals(1, Ddl.run(c, Ddl.create("again", "SELECT 1 AS x")).updateCount());
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("again")));
      assertEquals(CatalogMigrator.latestVersion(),
          Jdbc.count(c, "SELECT count(*) FROM pgtrickle.schema_version"));
    }
  }

  @Test
  @Order(7)
  void catalogCreatedInARolledBackTransactionIsRecreated(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.drop(false, "again"));
      Jdbc.exec(c, "DROP SCHEMA pgtrickle CASCADE");
      CatalogState state = new CatalogState();
      PgTrickleEngine engine = new PgTrickleEngine(state);
      c.setAutoCommit(false);
      engine.execute(c, Ddl.create("tx", "SELECT 1 AS x"));
      c.rollback();
      c.setAutoCommit(true);
      assertNull(Jdbc.scalar(c, "SELECT to_regnamespace('pgtrickle')"));
      engine.execute(c, Ddl.create("tx", "SELECT 1 AS x"));
      assertTrue(engine.isStreamTable(c, Ddl.name("tx")));
    }
  }

  /** One row per migration file: its version, then each of {@code columns} of its name's match. */
  @SafeVarargs
  private static List<List<String>> expectedVersions(
      java.util.function.Function<java.util.regex.Matcher, String>... columns) {
    java.util.regex.Pattern name = java.util.regex.Pattern.compile("V(\\d+)__(.+)\\.sql");
    List<List<String>> rows = new java.util.ArrayList<>();
    for (String file : CatalogMigrator.MIGRATIONS) {
      java.util.regex.Matcher m = name.matcher(file);
      assertTrue(m.matches(), file);
      List<String> row = new java.util.ArrayList<>(List.of(m.group(1)));
      for (java.util.function.Function<java.util.regex.Matcher, String> column : columns) {
        row.add(column.apply(m));
      }
      rows.add(row);
    }
    return rows;
  }
}
