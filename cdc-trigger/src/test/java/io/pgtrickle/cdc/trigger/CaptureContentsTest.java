package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the capture writes into the buffer for each kind of statement. */
@PgTest
class CaptureContentsTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  private SourceRelation keyed(Connection c, String table) throws SQLException {
    Jdbc.exec(c, "CREATE TABLE " + table + " (id int PRIMARY KEY, a text, b int, u text)");
    SourceRelation source = Db.source(c, table);
    backend.ensureCapture(c, source, Set.of("a", "b"));
    return source;
  }

  private SourceRelation keyless(Connection c, String table) throws SQLException {
    Jdbc.exec(c, "CREATE TABLE " + table + " (a text, b int, u text)");
    SourceRelation source = Db.source(c, table);
    backend.ensureCapture(c, source, Set.of("a", "b"));
    return source;
  }

  @Test
  void insertUpdateDeleteWithKey(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = keyed(c, "k1");
      Jdbc.exec(c, "INSERT INTO k1 VALUES (1, 'x', 10, 'u1'), (2, 'y', NULL, 'u2'), (3, NULL, 30, 'u3')");
      assertEquals(
          List.of("1|1|x|10", "1|2|y|∅", "1|3|∅|30"), Db.buffer(c, s, "id, a, b"));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());

      Jdbc.exec(c, "UPDATE k1 SET a = 'x2' WHERE id = 1");
      assertEquals(List.of("-1|1|x|10", "1|1|x2|10"), Db.buffer(c, s, "id, a, b"));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());

      // multi-row: one row really changes (NULL -> 20), one is set to its own value, one changes a
      Jdbc.exec(c, "UPDATE k1 SET b = coalesce(b, 20), a = CASE WHEN id = 3 THEN 'z' ELSE a END");
      assertEquals(
          List.of("-1|2|y|∅", "-1|3|∅|30", "1|2|y|20", "1|3|z|30"), Db.buffer(c, s, "id, a, b"));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());

      Jdbc.exec(c, "UPDATE k1 SET id = id + 10 WHERE id <= 2");
      assertEquals(
          List.of("-1|1|x2|10", "-1|2|y|20", "1|11|x2|10", "1|12|y|20"), Db.buffer(c, s, "id, a, b"));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());

      Jdbc.exec(c, "DELETE FROM k1 WHERE id = 3");
      assertEquals(List.of("-1|3|z|30"), Db.buffer(c, s, "id, a, b"));
    }
  }

  @Test
  void updateOfUncapturedColumnWritesNothingWithKey(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = keyed(c, "k2");
      Jdbc.exec(c, "INSERT INTO k2 SELECT g, 'v' || g % 3, NULLIF(g % 4, 0), 'u' FROM generate_series(1, 50) g");
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(c, "UPDATE k2 SET u = 'changed'", "UPDATE k2 SET a = a, b = b", "UPDATE k2 SET u = NULL WHERE b IS NULL");
      assertEquals(List.of(), Db.buffer(c, s, "id, a, b"));
    }
  }

  @Test
  void updateOfUncapturedColumnWritesNothingWithoutKey(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = keyless(c, "n1");
      Jdbc.exec(
          c,
          "INSERT INTO n1 VALUES ('x', 1, 'a'), ('x', 1, 'b'), ('x', 1, 'c'), (NULL, NULL, 'd'),"
              + " (NULL, NULL, 'e'), ('y', NULL, 'f')");
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(c, "UPDATE n1 SET u = u || '!'", "UPDATE n1 SET a = a WHERE a IS NULL");
      assertEquals(List.of(), Db.buffer(c, s, "a, b"));

      // one of three duplicates changes: exactly one -old/+new pair
      Jdbc.exec(c, "UPDATE n1 SET b = 2, u = 'z' WHERE u IN ('b!', 'f!')");
      assertEquals(List.of("-1|x|1", "-1|y|∅", "1|x|2", "1|y|2"), Db.buffer(c, s, "a, b"));
    }
  }

  @Test
  void keylessDuplicatesInsertAndDelete(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = keyless(c, "n2");
      Jdbc.exec(c, "INSERT INTO n2 VALUES ('x', 1, 'a'), ('x', 1, 'a')", "DELETE FROM n2 WHERE u = 'a'");
      assertEquals(List.of("-1|x|1", "-1|x|1", "1|x|1", "1|x|1"), Db.buffer(c, s, "a, b"));
    }
  }

  @Test
  void truncateLeavesOneMarker(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = keyed(c, "k3");
      Jdbc.exec(c, "INSERT INTO k3 VALUES (1, 'x', 1, 'u')", "TRUNCATE k3", "INSERT INTO k3 VALUES (2, 'y', 2, 'u')");
      assertEquals(List.of("0|∅|∅|∅", "1|1|x|1", "1|2|y|2"), Db.buffer(c, s, "id, a, b"));
    }
  }

  @Test
  void valuesEqualButNotIdenticalCountAsChanges(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE t1 (id int PRIMARY KEY, n numeric, j json, jb jsonb, p point, ch char(3),"
              + " bp bpchar, f float8, iv interval, u int)");
      SourceRelation s = Db.source(c, "t1");
      backend.ensureCapture(c, s, Set.of("n", "j", "jb", "p", "ch", "bp", "f", "iv"));
      Jdbc.exec(
          c,
          "INSERT INTO t1 VALUES (1, 1.0, '{\"a\": 1}', '{\"a\": 1}', '(1,2)', 'ab', 'ab', 0.1,"
              + " '1 day', 0)");
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());

      Jdbc.exec(c, "UPDATE t1 SET u = 1, j = j, p = p, jb = jb, ch = 'ab ', bp = bp, f = f, iv = iv");
      assertEquals(List.of(), Db.buffer(c, s, "id"), "values really unchanged");

      String columns = "id, n::text, j::text, bp::text || '|' || octet_length(bp), iv::text";
      Jdbc.exec(c, "UPDATE t1 SET n = 1.00");
      assertEquals(List.of("-1|1|1.0|{\"a\": 1}|ab|2|1 day", "1|1|1.00|{\"a\": 1}|ab|2|1 day"),
          Db.buffer(c, s, columns));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(c, "UPDATE t1 SET j = '{\"a\":1}'");
      assertEquals(2, Db.buffer(c, s, "id").size(), "json whitespace is part of the value");
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(c, "UPDATE t1 SET bp = 'ab '");
      assertEquals(
          List.of("-1|1|1.00|{\"a\":1}|ab|2|1 day", "1|1|1.00|{\"a\":1}|ab|3|1 day"),
          Db.buffer(c, s, columns));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(c, "UPDATE t1 SET iv = '24 hours', f = 0.1 + 1e-16, p = '(1,2.5)'");
      assertEquals(2, Db.buffer(c, s, "id").size());
    }
  }

  @Test
  void keylessTypesWithoutEqualityRoundTrip(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE t2 (j json, p point, bp bpchar, n numeric, u int)");
      SourceRelation s = Db.source(c, "t2");
      backend.ensureCapture(c, s, Set.of("j", "p", "bp", "n"));
      Jdbc.exec(c, "INSERT INTO t2 VALUES ('[1,  2]', '(1,2)', 'ab ', 1.50, 0), ('[1,  2]', '(1,2)', 'ab ', 1.50, 0)");
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(c, "UPDATE t2 SET u = 1");
      assertEquals(List.of(), Db.buffer(c, s, "j::text"));
      Jdbc.exec(c, "WITH one AS (SELECT ctid FROM t2 LIMIT 1) UPDATE t2 SET n = 1.5 FROM one WHERE t2.ctid = one.ctid");
      assertEquals(
          List.of("-1|[1,  2]|(1,2)|ab |1.50", "1|[1,  2]|(1,2)|ab |1.5"),
          Db.buffer(c, s, "j::text, p::text, textin(bpcharout(bp)), n::text"));
    }
  }

  @Test
  void userBeforeTriggersAndCascadesAreSeenAsTheyEndUp(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE parent (id int PRIMARY KEY)",
          "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE"
              + " ON UPDATE CASCADE, a text)",
          "CREATE FUNCTION upper_a() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN NEW.a := upper(NEW.a); RETURN NEW; END $$",
          "CREATE TRIGGER aa_upper BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION upper_a()");
      SourceRelation s = Db.source(c, "child");
      backend.ensureCapture(c, s, Set.of("parent_id", "a"));
      Jdbc.exec(
          c,
          "INSERT INTO parent VALUES (1), (2)",
          "INSERT INTO child VALUES (10, 1, 'x'), (20, 2, 'y')",
          "UPDATE parent SET id = 3 WHERE id = 2",
          "DELETE FROM parent WHERE id = 1");
      assertEquals(
          List.of("-1|10|1|X", "-1|20|2|Y", "1|10|1|X", "1|20|2|Y", "1|20|3|Y"),
          Db.buffer(c, s, "id, parent_id, a"));
    }
  }

  @Test
  void insertOnConflictAndMerge(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = keyed(c, "k4");
      Jdbc.exec(c, "INSERT INTO k4 VALUES (1, 'x', 1, 'u')");
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(
          c,
          "INSERT INTO k4 VALUES (1, 'x1', 1, 'u'), (2, 'y', 2, 'u')"
              + " ON CONFLICT (id) DO UPDATE SET a = excluded.a");
      assertEquals(List.of("-1|1|x|1", "1|1|x1|1", "1|2|y|2"), Db.buffer(c, s, "id, a, b"));
      Jdbc.exec(c, "TRUNCATE pgtrickle_changes.changes_" + s.oid());
      Jdbc.exec(
          c,
          "MERGE INTO k4 USING (VALUES (1, 'm'), (2, NULL), (3, 'new')) v(id, a) ON k4.id = v.id"
              + " WHEN MATCHED AND v.a IS NULL THEN DELETE"
              + " WHEN MATCHED THEN UPDATE SET a = v.a"
              + " WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.a, 0, 'u')");
      assertEquals(
          List.of("-1|1|x1|1", "-1|2|y|2", "1|1|m|1", "1|3|new|0"), Db.buffer(c, s, "id, a, b"));
    }
  }

  @Test
  void partitionsAndDirectWritesToThem(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE pt (id int PRIMARY KEY, a text) PARTITION BY RANGE (id)",
          "CREATE TABLE pt_1 PARTITION OF pt FOR VALUES FROM (0) TO (100)",
          "CREATE TABLE pt_2 PARTITION OF pt FOR VALUES FROM (100) TO (200) PARTITION BY RANGE (id)",
          "CREATE TABLE pt_2a PARTITION OF pt_2 FOR VALUES FROM (100) TO (200)");
      SourceRelation s = Db.source(c, "pt");
      backend.ensureCapture(c, s, Set.of("a"));
      Jdbc.exec(
          c,
          "INSERT INTO pt VALUES (1, 'a'), (150, 'b')",
          "INSERT INTO pt_1 VALUES (2, 'c')",
          "INSERT INTO pt_2a VALUES (160, 'd')",
          "UPDATE pt SET id = 120 WHERE id = 1",
          "UPDATE pt_2 SET a = 'D' WHERE id = 160",
          "DELETE FROM pt_1 WHERE id = 2");
      assertEquals(
          Db.sorted("-1|1|a", "-1|160|d", "-1|2|c", "1|1|a", "1|120|a", "1|150|b", "1|160|D", "1|160|d",
              "1|2|c"),
          Db.buffer(c, s, "id, a"));
    }
  }

  @Test
  void inheritanceChildrenWithDuplicateKeysAreCapturedExactly(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE ip (id int PRIMARY KEY, a text)",
          "CREATE TABLE ic (extra int) INHERITS (ip)");
      SourceRelation s = Db.source(c, "ip");
      assertEquals(List.of(), backend.ensureCapture(c, s, Set.of("a")).keyColumns(), "no pairing by key");
      Jdbc.exec(
          c,
          "INSERT INTO ip VALUES (1, 'p')",
          "INSERT INTO ic VALUES (1, 'c', 0)",
          "UPDATE ip SET a = CASE a WHEN 'p' THEN 'c' ELSE 'p' END",
          "UPDATE ic SET extra = 1");
      assertEquals(List.of("1|1|c", "1|1|p"), Db.buffer(c, s, "id, a"), "the swap changes nothing");
    }
  }
}
