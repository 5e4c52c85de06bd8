package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.Frontier;
import io.pgtrickle.spi.cdc.PgSnapshot;
import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.spi.cdc.WindowStats;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-made interleavings of writers and refreshes, each showing one property of the window. */
@PgTest
class ChangeWindowTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  private SourceRelation captured(Connection c, String table) throws SQLException {
    Jdbc.exec(c, "CREATE TABLE " + table + " (id int PRIMARY KEY, v text)");
    SourceRelation source = Db.source(c, table);
    backend.ensureCapture(c, source, Set.of("v"));
    return source;
  }

  /** Takes a frontier in its own REPEATABLE READ transaction, like a refresh that changes nothing. */
  private static PgSnapshot frontier(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      return Frontier.current(c);
    } finally {
      c.commit();
      c.setAutoCommit(true);
    }
  }

  private static List<String> windowRows(Connection c, SourceRelation s, ChangeWindow w) throws SQLException {
    List<String> rows = Db.rows(c, w.changesQuery(s.oid(), List.of("id", "v")));
    java.util.Collections.sort(rows);
    return rows;
  }

  @Test
  void lateCommitterIsConsumedInTheNextWindowExactlyOnce(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Connection writer = db.connect()) {
      SourceRelation s = captured(c, "late");
      PgSnapshot f0 = frontier(c);
      writer.setAutoCommit(false);
      Jdbc.exec(writer, "INSERT INTO late VALUES (1, 'early-started')");
      Jdbc.exec(c, "INSERT INTO late VALUES (2, 'quick')");
      PgSnapshot f1 = frontier(c);
      assertEquals(List.of("2|quick|1"), windowRows(c, s, ChangeWindow.between(f0, f1)));
      writer.commit();
      PgSnapshot f2 = frontier(c);
      assertEquals(List.of("1|early-started|1"), windowRows(c, s, ChangeWindow.between(f1, f2)));
      PgSnapshot f3 = frontier(c);
      assertEquals(List.of(), windowRows(c, s, ChangeWindow.between(f2, f3)));
      assertEquals(
          List.of("1|early-started|1", "2|quick|1"), windowRows(c, s, ChangeWindow.between(f0, f3)));
    }
  }

  @Test
  void writerStillOpenAcrossSeveralRefreshes(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Connection writer = db.connect()) {
      SourceRelation s = captured(c, "longtx");
      PgSnapshot f0 = frontier(c);
      writer.setAutoCommit(false);
      Jdbc.exec(writer, "INSERT INTO longtx VALUES (1, 'a')");
      PgSnapshot f1 = frontier(c);
      Jdbc.exec(writer, "UPDATE longtx SET v = 'b'");
      PgSnapshot f2 = frontier(c);
      writer.commit();
      PgSnapshot f3 = frontier(c);
      assertEquals(List.of(), windowRows(c, s, ChangeWindow.between(f0, f1)));
      assertEquals(List.of(), windowRows(c, s, ChangeWindow.between(f1, f2)));
      assertEquals(
          List.of("1|a|-1", "1|a|1", "1|b|1"), windowRows(c, s, ChangeWindow.between(f2, f3)));
    }
  }

  @Test
  void savepointsAndAbortsLeaveExactlyTheCommittedWork(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Connection writer = db.connect()) {
      SourceRelation s = captured(c, "subtx");
      PgSnapshot f0 = frontier(c);
      writer.setAutoCommit(false);
      Jdbc.exec(
          writer,
          "INSERT INTO subtx VALUES (1, 'kept')",
          "SAVEPOINT a",
          "INSERT INTO subtx VALUES (2, 'rolled back')",
          "SAVEPOINT b",
          "INSERT INTO subtx VALUES (3, 'rolled back too')",
          "ROLLBACK TO SAVEPOINT a",
          "SAVEPOINT c",
          "INSERT INTO subtx VALUES (4, 'released')",
          "RELEASE SAVEPOINT c");
      String topLevelXid = Db.scalar(writer, "SELECT pg_current_xact_id()::text");
      writer.commit();
      Jdbc.exec(writer, "INSERT INTO subtx VALUES (5, 'aborted')");
      writer.rollback();
      writer.setAutoCommit(true);
      PgSnapshot f1 = frontier(c);
      assertEquals(
          List.of("1|kept|1", "4|released|1"), windowRows(c, s, ChangeWindow.between(f0, f1)));
      assertEquals(
          List.of(topLevelXid),
          Db.rows(c, "SELECT DISTINCT __pgt_xid::text FROM pgtrickle_changes.changes_" + s.oid()));
    }
  }

  @Test
  void truncationIsReportedInItsWindowOnly(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = captured(c, "trunc");
      Jdbc.exec(c, "INSERT INTO trunc VALUES (1, 'a')");
      PgSnapshot f0 = frontier(c);
      Jdbc.exec(c, "TRUNCATE trunc", "INSERT INTO trunc VALUES (2, 'b')");
      PgSnapshot f1 = frontier(c);
      Jdbc.exec(c, "INSERT INTO trunc VALUES (3, 'c')");
      PgSnapshot f2 = frontier(c);
      assertTrue(backend.truncatedIn(c, s, ChangeWindow.between(f0, f1)));
      assertFalse(backend.truncatedIn(c, s, ChangeWindow.between(f1, f2)));
      assertEquals(new WindowStats(1, 0, true), backend.windowStats(c, s, ChangeWindow.between(f0, f1)));
      assertEquals(new WindowStats(1, 0, false), backend.windowStats(c, s, ChangeWindow.between(f1, f2)));
      assertEquals(List.of("2|b|1"), windowRows(c, s, ChangeWindow.between(f0, f1)));
    }
  }

  @Test
  void refreshOwnWritesBelongToItsWindowAndNotTheNext(TestDatabase db) throws SQLException {
    for (boolean assignXidFirst : new boolean[] {true, false}) {
      try (Connection c = db.connect(); Connection other = db.connect()) {
        String table = assignXidFirst ? "own_early" : "own_late";
        SourceRelation s = captured(c, table);
        Jdbc.exec(c, "CREATE TABLE " + table + "_scratch (x int)");
        PgSnapshot f0 = frontier(c);
        Jdbc.exec(c, "INSERT INTO " + table + " VALUES (1, 'before')");

        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        if (assignXidFirst) {
          Jdbc.exec(c, Frontier.ASSIGN_XID);
        } else {
          Jdbc.exec(c, "SELECT 1"); // snapshot taken, no xid yet
        }
        // Other transactions take xids meanwhile; one of them writes the source and commits.
        Jdbc.exec(other, "INSERT INTO " + table + "_scratch VALUES (1)", "INSERT INTO " + table + " VALUES (2, 'concurrent')");
        // The refresh writes into the source (as a cascade would), then takes its frontier.
        Jdbc.exec(c, "INSERT INTO " + table + " VALUES (3, 'own')");
        PgSnapshot f1 = Frontier.current(c);
        ChangeWindow w1 = ChangeWindow.between(f0, f1);
        assertEquals(List.of("1|before|1", "3|own|1"), windowRows(c, s, w1), "assign first " + assignXidFirst);
        io.pgtrickle.testing.MultisetOracle.assertSameRowsInCurrentTransaction(
            c,
            "SELECT id, v FROM " + table,
            "SELECT id, v FROM pgtrickle_changes.changes_" + s.oid() + " c WHERE " + w1.changesPredicate("c"));
        long own = Long.parseLong(Db.scalar(c, "SELECT pg_current_xact_id()::text"));
        assertTrue(f1.isVisible(own));
        c.commit();
        c.setAutoCommit(true);

        PgSnapshot f2 = frontier(c);
        assertEquals(List.of("2|concurrent|1"), windowRows(c, s, ChangeWindow.between(f1, f2)));
      }
    }
  }

  @Test
  void windowIsAnIndexRangeScan(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SourceRelation s = captured(c, "idx");
      PgSnapshot f0 = frontier(c);
      Jdbc.exec(c, "INSERT INTO idx SELECT g, 'x' FROM generate_series(1, 5000) g");
      PgSnapshot f1 = frontier(c);
      Jdbc.exec(c, "ANALYZE pgtrickle_changes.changes_" + s.oid(), "SET enable_seqscan = off");
      String plan =
          String.join("\n", Db.rows(c, "EXPLAIN " + ChangeWindow.between(f0, f1).changesQuery(s.oid(), List.of("id"))));
      Jdbc.exec(c, "RESET enable_seqscan");
      assertTrue(plan.contains("changes_" + s.oid() + "_xid"), plan);
      assertTrue(plan.contains("Index Cond"), plan);
    }
  }
}
