package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.DropStreamTables;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

@PgTest
class DropStreamTablesTest {

  @BeforeAll
  static void sources(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE src(a int, b text)",
        "INSERT INTO src SELECT g, 'v' || g FROM generate_series(1, 10) g");
  }

  @BeforeEach
  void clean(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      for (List<String> row : Jdbc.rows(c, "SELECT to_regclass('pgtrickle.pgt_stream_tables') IS NOT NULL")) {
        if (row.get(0).equals("t")) {
          for (List<String> st : Jdbc.rows(c, "SELECT quote_ident(storage_schema) || '.' ||"
              + " quote_ident(storage_name) FROM pgtrickle.pgt_stream_tables")) {
            Jdbc.exec(c, "DROP TABLE IF EXISTS " + st.get(0) + " CASCADE");
          }
        }
      }
      Jdbc.exec(c, "DROP MATERIALIZED VIEW IF EXISTS mv CASCADE", "DROP VIEW IF EXISTS v CASCADE");
      // the next CREATE sweeps the catalog rows of the tables dropped behind the engine's back
      Ddl.run(c, Ddl.create("sweeper", "SELECT 1 AS x"));
      Ddl.run(c, Ddl.drop(false, "sweeper"));
    }
  }

  private static long catalogRows(Connection c) throws SQLException {
    return Jdbc.count(c, "SELECT (SELECT count(*) FROM pgtrickle.pgt_stream_tables)"
        + " + (SELECT count(*) FROM pgtrickle.pgt_dependencies)"
        + " + (SELECT count(*) FROM pgtrickle.pgt_refresh_history)"
        + " + (SELECT count(*) FROM pg_class WHERE relnamespace = 'pgtrickle'::regnamespace"
        + "    AND relname LIKE '\\_\\_pgt\\_def\\_%')");
  }

  private static boolean exists(Connection c, String name) throws SQLException {
    return Jdbc.scalar(c, "SELECT to_regclass('" + name + "')") != null;
  }

  @Test
  void dropRemovesTableViewTriggerAndCatalogRows(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      long before = catalogRows(c);
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      Ddl.run(c, Ddl.refresh("st"));
      assertTrue(catalogRows(c) > before);
      long oid = Jdbc.count(c, "SELECT 'st'::regclass::oid");
      DdlOutcome outcome = Ddl.run(c, Ddl.drop(false, "st"));
      assertEquals(0, outcome.updateCount());
      assertFalse(exists(c, "st"));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pg_trigger WHERE tgrelid = " + oid));
      assertEquals(before, catalogRows(c));
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("st")));
    }
  }

  @Test
  void missingNames(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      SQLException e = Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.drop(false, "st", "ghost")));
      assertTrue(e.getMessage().contains("materialized view \"ghost\" does not exist"), e.getMessage());
      assertTrue(exists(c, "st"));
      DdlOutcome outcome = Ddl.run(c, new DropStreamTables(
          List.of(Ddl.name("ghost"), Ddl.name("st"), Ddl.name("crm.ghost")), true, false, "…"));
      assertEquals(2, outcome.warnings().size());
      assertTrue(outcome.warnings().get(0).getMessage()
          .contains("materialized view \"ghost\" does not exist, skipping"));
      assertTrue(outcome.warnings().get(1).getMessage().contains("\"crm.ghost\""));
      assertFalse(exists(c, "st"));
    }
  }

  @Test
  void mixedListWithPlainMaterializedViews(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      Jdbc.exec(c, "CREATE MATERIALIZED VIEW mv AS SELECT a FROM st");
      // the plain materialized view reads the stream table: PostgreSQL's own dependency, both dropped
      Ddl.run(c, Ddl.drop(false, "st", "mv"));
      assertFalse(exists(c, "st"));
      assertFalse(exists(c, "mv"));
      // a plain table in the list is PostgreSQL's error, and nothing is dropped
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      SQLException e = Jdbc.fails("42809", () -> Ddl.run(c, Ddl.drop(false, "st", "src")));
      assertTrue(e.getMessage().contains("\"src\" is not a materialized view"), e.getMessage());
      assertTrue(exists(c, "st"));
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("st")));
    }
  }

  @Test
  void restrictRefusesWhenStreamTablesDependAndCascadeDropsTheChain(TestDatabase db)
      throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("a", "SELECT a, b FROM src"));
      Ddl.run(c, Ddl.create("b", "SELECT a FROM a WHERE a > 2"));
      Ddl.run(c, Ddl.create("c", "SELECT count(*) AS n FROM b"));
      Ddl.run(c, Ddl.create("d", "SELECT x.a FROM a x JOIN b y USING (a)"));
      SQLException e = Jdbc.fails("2BP01", () -> Ddl.run(c, Ddl.drop(false, "a")));
      assertTrue(e.getMessage().contains(
          "cannot drop stream table a because other objects depend on it"), e.getMessage());
      String detail = ((PSQLException) e).getServerErrorMessage().getDetail();
      assertTrue(detail.contains("stream table b depends on stream table a"), detail);
      assertTrue(detail.contains("stream table d depends on stream table a"), detail);
      assertTrue(((PSQLException) e).getServerErrorMessage().getHint().contains("CASCADE"));
      assertTrue(exists(c, "a") && exists(c, "b") && exists(c, "c") && exists(c, "d"));
      Jdbc.fails("2BP01", () -> Ddl.run(c, Ddl.drop(false, "b")));
      // everything that depends is in the list: fine with RESTRICT, in any order
      Ddl.run(c, Ddl.drop(false, "c", "b", "d"));
      assertTrue(exists(c, "a"));
      Ddl.run(c, Ddl.create("b", "SELECT a FROM a WHERE a > 2"));
      Ddl.run(c, Ddl.create("c", "SELECT count(*) AS n FROM b"));
      Ddl.run(c, Ddl.drop(true, "a"));
      for (String name : List.of("a", "b", "c")) {
        assertFalse(exists(c, name), name);
      }
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
    }
  }

  @Test
  void ordinaryViewsOnAStreamTableBehaveAsPostgresqlDecides(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      Jdbc.exec(c, "CREATE VIEW v AS SELECT a FROM st");
      SQLException e = Jdbc.fails("2BP01", () -> Ddl.run(c, Ddl.drop(false, "st")));
      assertTrue(e.getMessage().contains("other objects depend on it"));
      assertTrue(exists(c, "st") && exists(c, "v"));
      Ddl.run(c, Ddl.drop(true, "st"));
      assertFalse(exists(c, "st"));
      assertFalse(exists(c, "v"));
    }
  }

  @Test
  void plainMaterializedViewWithStreamDependents(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE MATERIALIZED VIEW mv AS SELECT a FROM src");
      Ddl.run(c, Ddl.create("over_mv", "SELECT a FROM mv"));
      SQLException e = Jdbc.fails("2BP01", () -> Ddl.run(c, Ddl.drop(false, "mv")));
      assertTrue(e.getMessage().contains(
          "cannot drop materialized view mv because other objects depend on it"), e.getMessage());
      Ddl.run(c, Ddl.drop(true, "mv"));
      assertFalse(exists(c, "mv"));
      assertFalse(exists(c, "over_mv"));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
    }
  }

  @Test
  void cascadeReachesStreamTablesThroughOrdinaryViews(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      Jdbc.exec(c, "CREATE VIEW v AS SELECT a FROM st");
      Ddl.run(c, Ddl.create("over_view", "SELECT a FROM v"));
      Ddl.run(c, Ddl.drop(true, "st"));
      assertFalse(exists(c, "v"));
      assertFalse(exists(c, "over_view"));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
    }
  }

  @Test
  void tablesDroppedBehindTheEnginesBack(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("st", "SELECT a FROM src"));
      Jdbc.exec(c, "DROP TABLE st");
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("st")));
      Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.refresh("st")));
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
      Ddl.run(c, Ddl.create("st", "SELECT b FROM src"));
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pgtrickle.pgt_stream_tables"));
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pg_class WHERE relnamespace ="
          + " 'pgtrickle'::regnamespace AND relname LIKE '\\_\\_pgt\\_def\\_%'"));

      // a source dropped with CASCADE takes the definition view: refresh says what happened
      Jdbc.exec(c, "CREATE TABLE doomed(x int)");
      Ddl.run(c, Ddl.create("broken", "SELECT x FROM doomed"));
      Jdbc.exec(c, "DROP TABLE doomed CASCADE");
      SQLException e = Jdbc.fails("55000", () -> Ddl.run(c, Ddl.refresh("broken")));
      assertTrue(e.getMessage().contains("its defining query is gone"), e.getMessage());
      assertNotNull(((PSQLException) e).getServerErrorMessage().getHint());
      assertEquals(List.of(List.of("error", "1", "55000")), Jdbc.rows(c, "SELECT status,"
          + " consecutive_failures, last_error_sqlstate FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = 'broken'"));
      Ddl.run(c, Ddl.drop(false, "broken"));
      assertFalse(exists(c, "broken"));
      assertNull(Jdbc.scalar(c, "SELECT pgt_id FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'broken'"));
    }
  }
}
