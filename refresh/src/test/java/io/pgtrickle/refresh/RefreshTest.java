package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.api.RefreshStreamTable;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@PgTest
class RefreshTest {

  private static List<String> lastHistory(Connection c, String name) throws SQLException {
    return Jdbc.rows(c, "SELECT h.initiator, h.requested_strategy, h.executed_strategy,"
        + " h.rows_inserted, h.rows_deleted, h.status FROM pgtrickle.pgt_refresh_history h"
        + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = '" + name
        + "' ORDER BY h.history_id DESC LIMIT 1").get(0);
  }

  @Test
  void onlyChangedRowsAreRewritten(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE wide(id int, grp int, payload text)",
          "INSERT INTO wide SELECT g, g % 7, md5(g::text) FROM generate_series(1, 1000) g");
      Ddl.run(c, Ddl.create("wide_st", "SELECT id, grp, payload FROM wide"));
      Jdbc.exec(c, "CREATE TEMP TABLE before AS SELECT ctid AS c, xmin::text AS x, id FROM wide_st");

      Ddl.run(c, Ddl.refresh("wide_st"));
      assertEquals(Arrays.asList("refresh", "auto", "differential", "0", "0", "succeeded"),
          lastHistory(c, "wide_st"));
      assertEquals(1000, Jdbc.count(c, "SELECT count(*) FROM wide_st s JOIN before b"
          + " ON b.c = s.ctid AND b.x = s.xmin::text"));

      Jdbc.exec(c, "UPDATE wide SET payload = 'changed' WHERE id <= 10",
          "DELETE FROM wide WHERE id BETWEEN 11 AND 15",
          "INSERT INTO wide SELECT g, 0, 'new' FROM generate_series(1001, 1007) g");
      Ddl.run(c, Ddl.refresh("wide_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, grp, payload FROM wide_st",
          "SELECT id, grp, payload FROM wide");
      assertEquals(Arrays.asList("refresh", "auto", "differential", "17", "15", "succeeded"),
          lastHistory(c, "wide_st"));
      assertEquals(985, Jdbc.count(c, "SELECT count(*) FROM wide_st s JOIN before b"
          + " ON b.c = s.ctid AND b.x = s.xmin::text"));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM wide_st s JOIN before b"
          + " ON b.c = s.ctid AND b.x = s.xmin::text WHERE s.id <= 15"));
    }
  }

  @Test
  void duplicatesAndNullsAreCountedExactly(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE bag(a int, b text)",
          "INSERT INTO bag VALUES (1,'x'),(1,'x'),(1,'x'),(NULL,NULL),(NULL,NULL),(2,NULL)");
      assertEquals(6, Ddl.run(c, Ddl.create("bag_st", "SELECT a, b FROM bag")).updateCount());
      Jdbc.exec(c, "DELETE FROM bag WHERE ctid IN (SELECT ctid FROM bag WHERE a = 1 LIMIT 1)",
          "INSERT INTO bag VALUES (NULL,NULL),(2,NULL)");
      Ddl.run(c, Ddl.refresh("bag_st"));
      MultisetOracle.assertSameRows(c, "SELECT a, b FROM bag_st", "SELECT a, b FROM bag");
      assertEquals(Arrays.asList("refresh", "auto", "differential", "2", "1", "succeeded"),
          lastHistory(c, "bag_st"));
      Jdbc.exec(c, "DELETE FROM bag WHERE a IS NULL");
      Ddl.run(c, Ddl.refresh("bag_st"));
      MultisetOracle.assertSameRows(c, "SELECT a, b FROM bag_st", "SELECT a, b FROM bag");
      assertEquals(Arrays.asList("refresh", "auto", "differential", "0", "3", "succeeded"),
          lastHistory(c, "bag_st"));
    }
  }

  @Test
  void typesWithoutEqualityCompareByText(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
          "CREATE DOMAIN jdom AS json",
          "CREATE TYPE pair AS (k int, j json)",
          "CREATE TYPE plain_pair AS (k int, t text)",
          """
          CREATE TABLE odd(id int, j json, jb jsonb, p point, x xml, ja json[], m mood, d jdom,
                           pr pair, pp plain_pair, ia int[], r int4range, v varchar(10), bx box,
                           tx xid, ci cidr, mr int4multirange, xa xml[])""",
          """
          INSERT INTO odd SELECT g, ('{"g":' || g || '}')::json, ('{"g":' || g || '}')::jsonb,
                 point(g, g), ('<a>' || g || '</a>')::xml, ARRAY[('[' || g || ']')::json],
                 (ARRAY['sad','ok','happy'])[g % 3 + 1]::mood, '{}'::json,
                 ROW(g, '{}'::json)::pair, ROW(g, 't')::plain_pair, ARRAY[g, g], int4range(g, g + 1),
                 'v' || g, box(point(0, 0), point(g, g)), g::text::xid, ('10.0.' || g || '.0/24')::cidr,
                 int4multirange(int4range(g, g + 2)), ARRAY[('<x>' || g || '</x>')::xml]
            FROM generate_series(1, 30) g""",
          "INSERT INTO odd SELECT * FROM odd WHERE id <= 5",
          "INSERT INTO odd (id) VALUES (NULL), (NULL)");
      String query = "SELECT * FROM odd";
      Ddl.run(c, Ddl.create("odd_st", query));
      Jdbc.exec(c, "UPDATE odd SET j = '{\"changed\": true}', p = point(-1, -1) WHERE id % 4 = 0",
          "DELETE FROM odd WHERE ctid IN (SELECT ctid FROM odd WHERE id = 3 LIMIT 1)",
          "UPDATE odd SET x = '<b/>', ja = NULL, pr = ROW(0, '[]') WHERE id % 5 = 0",
          "DELETE FROM odd WHERE id IS NULL AND ctid IN (SELECT ctid FROM odd WHERE id IS NULL LIMIT 1)");
      Jdbc.exec(c, "CREATE TEMP TABLE before AS SELECT ctid AS c, id FROM odd_st");
      Ddl.run(c, Ddl.refresh("odd_st"));
      String columns = "id, j::text, jb, p::text, x::text, ja::text, m, d::text, pr::text, pp, ia, r,"
          + " v, bx::text, tx::text, ci, mr, xa::text";
      MultisetOracle.assertSameRows(c, "SELECT " + columns + " FROM odd_st",
          "SELECT " + columns + " FROM odd");
      // rows of ids neither updated nor deleted stay where they were
      assertEquals(Jdbc.count(c, "SELECT count(*) FROM odd WHERE id % 4 <> 0 AND id % 5 <> 0"
              + " AND id <> 3"),
          Jdbc.count(c, "SELECT count(*) FROM odd_st s JOIN before b ON b.c = s.ctid"
              + " WHERE s.id % 4 <> 0 AND s.id % 5 <> 0 AND s.id <> 3"));
    }
  }

  @Test
  void withNoDataEmptiesAndTheNextRefreshRepopulates(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE nd(a int)", "INSERT INTO nd SELECT generate_series(1, 12)");
      Ddl.run(c, Ddl.create("nd_st", "SELECT a FROM nd"));
      Ddl.run(c, Ddl.refreshNoData("nd_st"));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM nd_st"));
      assertEquals(Arrays.asList("refresh", "auto", "no_data", "0", null, "succeeded"),
          lastHistory(c, "nd_st"));
      assertEquals(List.of(Arrays.asList("f", null)), Jdbc.rows(c, "SELECT populated,"
          + " last_refresh_at FROM pgtrickle.pgt_status WHERE table_name = 'nd_st'"));
      Ddl.run(c, Ddl.refreshNoData("nd_st")); // again: still fine
      assertEquals(0, Ddl.run(c, Ddl.refresh("nd_st")).updateCount());
      assertEquals(12, Jdbc.count(c, "SELECT count(*) FROM nd_st"));
      // repopulating after WITH NO DATA is a FULL refresh (it takes the new frontier)
      assertEquals(Arrays.asList("refresh", "auto", "full", "12", "0", "succeeded"),
          lastHistory(c, "nd_st"));
      assertEquals("t", Jdbc.rows(c, "SELECT populated FROM pgtrickle.pgt_status"
          + " WHERE table_name = 'nd_st'").get(0).get(0));
    }
  }

  @Test
  void concurrentlyIsAcceptedExceptWithNoData(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE cc(a int)", "INSERT INTO cc VALUES (1)");
      Ddl.run(c, Ddl.create("cc_st", "SELECT a FROM cc"));
      Jdbc.exec(c, "INSERT INTO cc VALUES (2)");
      Ddl.run(c, new RefreshStreamTable(Ddl.name("cc_st"), true, true, "…"));
      assertEquals(2, Jdbc.count(c, "SELECT count(*) FROM cc_st"));
      SQLException e = Jdbc.fails("0A000",
          () -> Ddl.run(c, new RefreshStreamTable(Ddl.name("cc_st"), true, false, "…")));
      assertTrue(e.getMessage().contains("CONCURRENTLY and WITH NO DATA cannot be used together"));
      assertEquals(2, Jdbc.count(c, "SELECT count(*) FROM cc_st"));
    }
  }

  @Test
  void namesThatAreNotStreamTablesGoToPostgresql(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE pt(a int)", "CREATE MATERIALIZED VIEW pmv AS SELECT a FROM pt");
      Jdbc.exec(c, "INSERT INTO pt VALUES (1)");
      Ddl.run(c, Ddl.refresh("pmv"));
      assertEquals(1, Jdbc.count(c, "SELECT count(*) FROM pmv"));
      Ddl.run(c, Ddl.refreshNoData("pmv"));
      Jdbc.fails("55000", () -> Jdbc.count(c, "SELECT count(*) FROM pmv"));
      SQLException e = Jdbc.fails("0A000", () -> Ddl.run(c, Ddl.refresh("pt")));
      assertTrue(e.getMessage().contains("\"pt\" is not a materialized view"), e.getMessage());
      SQLException missing = Jdbc.fails("42P01", () -> Ddl.run(c, Ddl.refresh("public.nothing")));
      assertTrue(missing.getMessage().contains("relation \"public.nothing\" does not exist"));
    }
  }

  @Test
  void statusView(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE SCHEMA rep", "CREATE TABLE rep.s(a int)",
          "INSERT INTO rep.s SELECT generate_series(1, 50)");
      Ddl.run(c, Ddl.create("rep.Status St", "SELECT a FROM rep.s", Ddl.opt("schedule", "5m")));
      Jdbc.exec(c, "ANALYZE rep.\"Status St\"");
      assertEquals(List.of(Arrays.asList("rep.\"Status St\"", "rep", "Status St", "auto", "differential",
              "active", "t", "5m", "t", "t", "0", null, null, "50")),
          Jdbc.rows(c, "SELECT name, schema_name, table_name, requested_mode, effective_mode,"
              + " status, populated, schedule, last_refresh_at <= now(), staleness >= interval '0',"
              + " consecutive_failures, last_error, last_error_at, row_estimate"
              + " FROM pgtrickle.pgt_status WHERE schema_name = 'rep'"));
      // a rename shows in the status view
      Jdbc.exec(c, "ALTER TABLE rep.\"Status St\" RENAME TO renamed");
      assertEquals("rep.renamed", Jdbc.text(c,
          "SELECT name FROM pgtrickle.pgt_status WHERE schema_name = 'rep'"));
      Ddl.run(c, Ddl.refresh("rep.renamed"));
      Ddl.run(c, Ddl.drop(false, "rep.renamed"));
    }
  }

  @Test
  void failedRefreshesAreRecordedInAutoCommitOnly(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE divisors(d int)", "INSERT INTO divisors VALUES (1), (2)");
      Ddl.run(c, Ddl.create("quotients", "SELECT 10 / d AS q FROM divisors"));
      Jdbc.exec(c, "INSERT INTO divisors VALUES (0)");
      SQLException e = Jdbc.fails("22012", () -> Ddl.run(c, Ddl.refresh("quotients")));
      assertTrue(e.getMessage().contains("division by zero"));
      Jdbc.fails("22012", () -> Ddl.run(c, Ddl.refresh("quotients")));
      String status = "SELECT status, consecutive_failures, last_error IS NOT NULL,"
          + " last_error_at IS NOT NULL FROM pgtrickle.pgt_status WHERE table_name = 'quotients'";
      assertEquals(List.of(List.of("error", "2", "t", "t")), Jdbc.rows(c, status));
      assertEquals(Arrays.asList("refresh", "auto", null, null, null, "failed"),
          lastHistory(c, "quotients"));
      assertEquals("22012", Jdbc.text(c, "SELECT error_sqlstate FROM pgtrickle.pgt_refresh_history"
          + " ORDER BY history_id DESC LIMIT 1"));
      assertEquals(2, Jdbc.count(c, "SELECT count(*) FROM quotients"), "unchanged by the failures");

      // inside an application transaction nothing is recorded
      c.setAutoCommit(false);
      Jdbc.fails("22012", () -> Ddl.run(c, Ddl.refresh("quotients")));
      c.commit();
      c.setAutoCommit(true);
      assertEquals(List.of(List.of("error", "2", "t", "t")), Jdbc.rows(c, status));

      Jdbc.exec(c, "DELETE FROM divisors WHERE d = 0");
      Ddl.run(c, Ddl.refresh("quotients"));
      assertEquals(List.of(List.of("active", "0", "t", "t")), Jdbc.rows(c, status));
    }
  }

  @Test
  void concurrentRefreshesOfOneStreamTableSerialize(TestDatabase db) throws Exception {
    try (Connection first = db.connect(); Connection second = db.connect()) {
      Jdbc.exec(first, "CREATE TABLE busy(a int)", "INSERT INTO busy SELECT generate_series(1, 100)");
      Ddl.run(first, Ddl.create("busy_st", "SELECT a FROM busy"));
      Jdbc.exec(first, "INSERT INTO busy SELECT generate_series(101, 150)");

      first.setAutoCommit(false);
      Ddl.run(first, Ddl.refresh("busy_st")); // holds the catalog row lock until commit
      int secondPid = ((Number) Jdbc.scalar(second, "SELECT pg_backend_pid()")).intValue();
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
        try {
          Ddl.run(second, Ddl.refresh("busy_st"));
        } catch (SQLException e) {
          throw new RuntimeException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!"Lock".equals(Jdbc.text(first, "SELECT wait_event_type FROM pg_stat_activity"
          + " WHERE pid = " + secondPid))) {
        assertTrue(System.nanoTime() < deadline, "the second refresh never waited");
        assertTrue(!waiting.isDone(), "the second refresh did not wait for the first");
        Thread.sleep(20);
      }
      first.commit();
      first.setAutoCommit(true);
      waiting.get(20, TimeUnit.SECONDS);
      MultisetOracle.assertSameRows(first, "SELECT a FROM busy_st", "SELECT a FROM busy");
      assertEquals(List.of(List.of("50", "0"), List.of("0", "0")), Jdbc.rows(first,
          "SELECT rows_inserted, rows_deleted FROM pgtrickle.pgt_refresh_history h"
              + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
              + " WHERE s.storage_name = 'busy_st' AND initiator = 'refresh' ORDER BY history_id"));
    }
  }

  @Test
  void aRefreshWaitingForADropReportsTheTableGone(TestDatabase db) throws Exception {
    try (Connection dropper = db.connect(); Connection refresher = db.connect()) {
      Jdbc.exec(dropper, "CREATE TABLE gone(a int)", "INSERT INTO gone VALUES (1)");
      Ddl.run(dropper, Ddl.create("gone_st", "SELECT a FROM gone"));
      dropper.setAutoCommit(false);
      Ddl.run(dropper, Ddl.drop(false, "gone_st"));
      int pid = ((Number) Jdbc.scalar(refresher, "SELECT pg_backend_pid()")).intValue();
      CompletableFuture<SQLException> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          Ddl.run(refresher, Ddl.refresh("gone_st"));
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!"Lock".equals(Jdbc.text(dropper, "SELECT wait_event_type FROM pg_stat_activity"
          + " WHERE pid = " + pid)) && !waiting.isDone()) {
        assertTrue(System.nanoTime() < deadline, "the refresh never waited");
        Thread.sleep(20);
      }
      dropper.commit();
      SQLException e = waiting.get(20, TimeUnit.SECONDS);
      assertTrue(e != null, "the refresh of a dropped stream table must fail");
      assertEquals("42P01", e.getSQLState(), e.getMessage());
    }
  }
}
