package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.spi.cdc.CaptureState;
import io.pgtrickle.spi.cdc.CdcBackend;
import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Installing, extending, describing and releasing a capture. */
@PgTest
class CaptureLifecycleTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  @Test
  void serviceLoaderFindsTheTriggerBackend() {
    assertInstanceOf(TriggerCdcBackend.class, CdcBackend.named("trigger"));
  }

  @Test
  void ensureIsIdempotentAndTouchesNothingWhenUpToDate(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE idem (id bigint PRIMARY KEY, a text, b text)");
      SourceRelation s = Db.source(c, "idem");
      CaptureState first = backend.ensureCapture(c, s, Set.of("a"));
      assertEquals(List.of("id", "a"), first.capturedColumns());
      assertEquals(List.of("id"), first.keyColumns());
      assertEquals("\"pgtrickle_changes\".\"changes_" + s.oid() + "\"", first.bufferRelation());
      String functionVersion = functionXmin(c, s);
      CaptureState again = backend.ensureCapture(c, s, Set.of("a"));
      assertEquals(first, again);
      assertEquals(functionVersion, functionXmin(c, s), "function not rewritten");
      assertEquals(4, Db.count(c, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'idem'::regclass"));
      assertEquals(
          "AAAA",
          Db.scalar(
              c,
              "SELECT string_agg(tgenabled::text, '' ORDER BY tgname) FROM pg_trigger"
                  + " WHERE tgrelid = 'idem'::regclass"));
      // asking for less keeps what is captured
      assertEquals(first, backend.ensureCapture(c, s, Set.of()));
    }
  }

  @Test
  void extendingColumnsKeepsOldRowsAndCapturesTheNewColumn(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE ext (id int PRIMARY KEY, a text, b text)");
      SourceRelation s = Db.source(c, "ext");
      backend.ensureCapture(c, s, Set.of("a"));
      Jdbc.exec(c, "INSERT INTO ext VALUES (1, 'a1', 'b1')", "UPDATE ext SET b = 'b2'");
      assertEquals(List.of("1|1|a1"), Db.buffer(c, s, "id, a"), "b not captured yet");

      CaptureState extended = backend.ensureCapture(c, s, Set.of("b"));
      assertEquals(List.of("id", "a", "b"), extended.capturedColumns());
      Jdbc.exec(c, "UPDATE ext SET b = 'b3'");
      assertEquals(
          List.of("-1|1|a1|b2", "1|1|a1|b3", "1|1|a1|∅"), Db.buffer(c, s, "id, a, b"));
      assertEquals(Optional.of(extended), backend.describeCapture(c, s.oid()));
    }
  }

  @Test
  void releaseDropsBufferFunctionAndTriggers(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE rel (id int PRIMARY KEY, a text) PARTITION BY LIST (id)",
          "CREATE TABLE rel_1 PARTITION OF rel FOR VALUES IN (1)",
          "CREATE FUNCTION user_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
          "CREATE TRIGGER mine AFTER INSERT ON rel_1 FOR EACH STATEMENT EXECUTE FUNCTION user_trg()");
      SourceRelation s = Db.source(c, "rel");
      backend.ensureCapture(c, s, Set.of("a"));
      assertEquals(8, countPgtTriggers(c));
      backend.releaseCapture(c, s);
      assertEquals(0, countPgtTriggers(c));
      assertEquals(1, Db.count(c, "SELECT count(*) FROM pg_trigger WHERE tgname = 'mine'"));
      assertEquals("∅", Db.rows(c, "SELECT to_regclass('pgtrickle_changes.changes_" + s.oid() + "')").get(0));
      assertEquals(0, Db.count(c, "SELECT count(*) FROM pg_proc WHERE proname = 'capture_" + s.oid() + "'"));
      assertEquals(Optional.empty(), backend.describeCapture(c, s.oid()));
      Jdbc.exec(c, "INSERT INTO rel VALUES (1, 'still writable')");
      backend.releaseCapture(c, s); // idempotent
    }
  }

  @Test
  void releaseAfterTheSourceWasDropped(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE gone (id int PRIMARY KEY, a text)");
      SourceRelation s = Db.source(c, "gone");
      backend.ensureCapture(c, s, Set.of("a"));
      Jdbc.exec(c, "DROP TABLE gone");
      backend.releaseCapture(c, s);
      assertEquals("∅", Db.rows(c, "SELECT to_regclass('pgtrickle_changes.changes_" + s.oid() + "')").get(0));
    }
  }

  @Test
  void newPartitionsJoinAndDetachedOnesLeaveOnTheNextEnsure(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE lp (id int, a text) PARTITION BY LIST (id)",
          "CREATE TABLE lp_1 PARTITION OF lp FOR VALUES IN (1)");
      SourceRelation s = Db.source(c, "lp");
      backend.ensureCapture(c, s, Set.of("id", "a"));
      Jdbc.exec(
          c,
          "CREATE TABLE lp_2 PARTITION OF lp FOR VALUES IN (2)",
          "ALTER TABLE lp DETACH PARTITION lp_1");
      backend.ensureCapture(c, s, Set.of("id", "a"));
      Jdbc.exec(c, "INSERT INTO lp_1 VALUES (1, 'detached')", "INSERT INTO lp_2 VALUES (2, 'new')");
      assertEquals(List.of("1|2|new"), Db.buffer(c, s, "id, a"));
    }
  }

  @Test
  void errorsNameTheProblem(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE err (id int PRIMARY KEY, a text)",
          "CREATE VIEW err_v AS SELECT * FROM err",
          "CREATE TABLE reserved (\"__pgt_w\" int)");
      SourceRelation s = Db.source(c, "err");
      assertEquals("42703", assertThrows(SQLException.class,
          () -> backend.ensureCapture(c, s, Set.of("nope"))).getSQLState());
      assertEquals("0A000", assertThrows(SQLException.class,
          () -> backend.ensureCapture(c, Db.source(c, "err_v"), Set.of())).getSQLState());
      assertEquals("42701", assertThrows(SQLException.class,
          () -> backend.ensureCapture(c, Db.source(c, "reserved"), Set.of())).getSQLState());
      assertEquals("42P01", assertThrows(SQLException.class,
          () -> backend.ensureCapture(c, SourceRelation.of(999_999, "public", "x"), Set.of()))
          .getSQLState());
      assertTrue(c.getAutoCommit(), "auto-commit restored after a failure");

      Jdbc.exec(c, "CREATE TABLE retyped (id int PRIMARY KEY, a text)");
      SourceRelation r = Db.source(c, "retyped");
      backend.ensureCapture(c, r, Set.of("a"));
      Jdbc.exec(c, "ALTER TABLE retyped ALTER COLUMN a TYPE varchar(10)");
      SQLException changed = assertThrows(SQLException.class, () -> backend.ensureCapture(c, r, Set.of("a")));
      assertEquals("55000", changed.getSQLState());
      assertTrue(changed.getMessage().contains("character varying(10)"), changed.getMessage());
      backend.releaseCapture(c, r);
      assertEquals(List.of("id", "a"), backend.ensureCapture(c, r, Set.of("a")).capturedColumns());
    }
  }

  @Test
  void domainsAreStoredAsTheirBaseTypeAndUserTypesQualified(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE SCHEMA app",
          "CREATE TYPE app.mood AS ENUM ('sad', 'ok')",
          "CREATE DOMAIN app.code AS varchar(5) NOT NULL CHECK (VALUE <> '')",
          "CREATE TABLE app.dom (c app.code, m app.mood, u int)");
      SourceRelation s = Db.source(c, "app.dom");
      backend.ensureCapture(c, s, Set.of("c", "m"));
      assertEquals(
          List.of("c|character varying(5)", "m|app.mood"),
          Db.rows(
              c,
              "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
                  + " 'pgtrickle_changes.changes_" + s.oid() + "'::regclass AND attnum > 2 ORDER BY attnum"));
      Jdbc.exec(
          c,
          "SET search_path = pg_catalog",
          "INSERT INTO app.dom VALUES ('ab', 'ok', 1), ('ab', 'ok', 2)",
          "UPDATE app.dom SET m = 'sad' WHERE u = 1",
          "TRUNCATE app.dom",
          "RESET search_path");
      assertEquals(List.of("-1|ab|ok", "0|∅|∅", "1|ab|ok", "1|ab|ok", "1|ab|sad"), Db.buffer(c, s, "c, m"));
    }
  }

  private static String functionXmin(Connection c, SourceRelation s) throws SQLException {
    return Db.scalar(c, "SELECT xmin::text FROM pg_proc WHERE proname = 'capture_" + s.oid() + "'");
  }

  private static long countPgtTriggers(Connection c) throws SQLException {
    return Db.count(
        c,
        "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '__pgt_cdc_%'"
            + " AND tgrelid IN ('rel'::regclass, 'rel_1'::regclass)");
  }
}
