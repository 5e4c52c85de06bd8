package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statement atomicity in the caller's transaction: auto-commit, rollback, savepoints. */
@PgTest
class TransactionTest {

  @BeforeAll
  static void setUp(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE src(a int)", "INSERT INTO src SELECT generate_series(1, 5)");
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("warmup", "SELECT 1 AS x")); // the catalog exists from here on
      Ddl.run(c, Ddl.drop(false, "warmup"));
    }
  }

  /** Everything a stream table named {@code name} would leave behind; all zero when there is none. */
  private static List<List<String>> traces(Connection c, String name) throws SQLException {
    return Jdbc.rows(c, "SELECT (SELECT count(*) FROM pg_class WHERE relname = '" + name + "'),"
        + " (SELECT count(*) FROM pgtrickle.pgt_stream_tables WHERE storage_name = '" + name + "'),"
        + " (SELECT count(*) FROM pg_trigger WHERE tgname = '__pgt_guard'),"
        + " (SELECT count(*) FROM pg_class WHERE relnamespace = 'pgtrickle'::regnamespace"
        + "    AND relname LIKE '\\_\\_pgt\\_def\\_%'),"
        + " (SELECT count(*) FROM pgtrickle.pgt_dependencies),"
        + " (SELECT count(*) FROM pgtrickle.pgt_refresh_history)");
  }

  private static final List<List<String>> NOTHING = List.of(List.of("0", "0", "0", "0", "0", "0"));

  @Test
  void autoCommitCommitsAndRestoresAutoCommit(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Ddl.run(c, Ddl.create("committed", "SELECT a FROM src"));
      assertTrue(c.getAutoCommit());
      try (Connection other = db.connect()) {
        assertEquals(5, Jdbc.count(other, "SELECT count(*) FROM committed"));
      }
      Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.create("failing", "SELECT * FROM nowhere")));
      assertTrue(c.getAutoCommit());
      assertEquals(List.of(List.of("0", "0")), Jdbc.rows(c, "SELECT (SELECT count(*) FROM pg_class"
          + " WHERE relname = 'failing'), (SELECT count(*) FROM pgtrickle.pgt_stream_tables"
          + " WHERE storage_name = 'failing')"));
      Ddl.run(c, Ddl.drop(false, "committed"));
    }
  }

  @Test
  void rollbackLeavesNothing(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertEquals(NOTHING, traces(c, "rolled_back"));
      c.setAutoCommit(false);
      Ddl.run(c, Ddl.create("rolled_back", "SELECT a FROM src"));
      assertFalse(c.getAutoCommit());
      assertEquals(5, Jdbc.count(c, "SELECT count(*) FROM rolled_back"));
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("rolled_back")));
      try (Connection other = db.connect()) {
        assertNull(Jdbc.scalar(other, "SELECT to_regclass('rolled_back')"), "not visible before commit");
      }
      Ddl.run(c, Ddl.refresh("rolled_back"));
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(NOTHING, traces(c, "rolled_back"));
      assertFalse(Ddl.ENGINE.isStreamTable(c, Ddl.name("rolled_back")));
    }
  }

  @Test
  void aFailureInsideATransactionLeavesItUsableAndClean(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      Jdbc.exec(c, "CREATE TABLE mine(a int)", "INSERT INTO mine VALUES (1)");
      Ddl.run(c, Ddl.create("kept", "SELECT a FROM src"));
      // fails after the definition view was created: everything of this statement is undone
      Jdbc.fails("42P07", () -> Ddl.run(c, Ddl.create("mine", "SELECT a FROM src")));
      Jdbc.fails("42703", () -> Ddl.run(c, Ddl.create("bad", "SELECT nope FROM src")));
      Jdbc.fails("22023", () -> Ddl.run(c, Ddl.alterSet("kept", Ddl.opt("schedule", "never"))));
      Jdbc.fails("2BP01", () -> {
        Ddl.run(c, Ddl.create("on_kept", "SELECT a FROM kept"));
        Ddl.run(c, Ddl.drop(false, "kept"));
      });
      Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.refresh("ghost")));
      // the transaction is still usable and holds exactly what succeeded
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM mine"));
      assertEquals(5, Jdbc.count(c, "SELECT count(*) FROM kept"));
      assertEquals(5, Jdbc.count(c, "SELECT count(*) FROM on_kept"));
      assertEquals(List.of(List.of("kept"), List.of("on_kept")), Jdbc.rows(c,
          "SELECT storage_name FROM pgtrickle.pgt_stream_tables ORDER BY 1"));
      assertEquals(2, Jdbc.count(c, "SELECT count(*) FROM pg_class WHERE relnamespace ="
          + " 'pgtrickle'::regnamespace AND relname LIKE '\\_\\_pgt\\_def\\_%'"));
      c.commit();
      c.setAutoCommit(true);
      Ddl.run(c, Ddl.drop(true, "kept"));
      Jdbc.exec(c, "DROP TABLE mine");
      assertEquals(NOTHING, traces(c, "kept"));
    }
  }

  @Test
  void savepointsOfTheCallerAreRespected(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      var sp = c.setSavepoint("app");
      Ddl.run(c, Ddl.create("in_savepoint", "SELECT a FROM src"));
      c.rollback(sp);
      assertNull(Jdbc.scalar(c, "SELECT to_regclass('in_savepoint')"));
      Ddl.run(c, Ddl.create("after_savepoint", "SELECT a FROM src"));
      c.commit();
      c.setAutoCommit(true);
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("after_savepoint")));
      Ddl.run(c, Ddl.drop(false, "after_savepoint"));
    }
  }

  @Test
  void aTransactionOpenedWithBeginIsNotCommittedByTheEngine(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertTrue(c.getAutoCommit());
      Jdbc.exec(c, "BEGIN");
      Ddl.run(c, Ddl.create("begun", "SELECT a FROM src"));
      Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.create("begun_bad", "SELECT * FROM nowhere")));
      assertEquals(5, Jdbc.count(c, "SELECT count(*) FROM begun"), "the transaction is still usable");
      Jdbc.exec(c, "ROLLBACK");
      assertEquals(NOTHING, traces(c, "begun"));
    }
  }

  @Test
  void anAbortedCallerTransactionGetsPostgresqlsError(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      Jdbc.fails("22012", () -> Jdbc.exec(c, "SELECT 1/0"));
      Jdbc.fails("25P02", () -> Ddl.run(c, Ddl.create("never", "SELECT 1 AS x")));
      c.rollback();
      c.setAutoCommit(true);
      assertNull(Jdbc.scalar(c, "SELECT to_regclass('never')"));
    }
  }
}
