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

/**
 * The capture of a 1-row UPDATE reads the transition tables only: within the writing transaction, the
 * source's scan counters show exactly the UPDATE's own access and the buffer gets its two rows.
 */
@PgTest
class UpdateCaptureCostTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  @Test
  void oneRowUpdateWithKeyDoesNotScanTheSource(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE big_keyed (id int PRIMARY KEY, v text, u int)",
          "INSERT INTO big_keyed SELECT g, 'v' || g, 0 FROM generate_series(1, 20000) g",
          "ANALYZE big_keyed");
      SourceRelation s = Db.source(c, "big_keyed");
      backend.ensureCapture(c, s, Set.of("v"));
      assertEquals(List.of("0|1|2"), scansDuring(db, s, "UPDATE big_keyed SET v = 'changed' WHERE id = 777"));
    }
  }

  @Test
  void oneRowUpdateWithoutKeyDoesNotScanTheSource(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE TABLE big_keyless (k int, v text, u int)",
          "INSERT INTO big_keyless SELECT g % 100, 'v' || g, 0 FROM generate_series(1, 20000) g",
          "ANALYZE big_keyless");
      SourceRelation s = Db.source(c, "big_keyless");
      backend.ensureCapture(c, s, Set.of("k", "v"));
      // a TID scan touches no scan counter: anything the capture read from the table would show
      assertEquals(
          List.of("0|0|2"), scansDuring(db, s, "UPDATE big_keyless SET v = 'changed' WHERE ctid = '(3,7)'"));
    }
  }

  /**
   * {@code seq_scan|idx_scan|buffer rows inserted} counted inside the transaction of {@code update}, on
   * a new connection: PostgreSQL 15 also shows a backend's not yet flushed counts of earlier
   * transactions in the {@code pg_stat_xact_*} views.
   */
  private static List<String> scansDuring(TestDatabase db, SourceRelation s, String update)
      throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        Jdbc.exec(c, update);
        return Db.rows(
            c,
            "SELECT coalesce(src.seq_scan, 0) || '|' || coalesce(src.idx_scan, 0) || '|' || buf.n_tup_ins"
                + " FROM pg_stat_xact_user_tables buf LEFT JOIN pg_stat_xact_user_tables src"
                + " ON src.relid = " + s.oid() + " WHERE buf.relid = 'pgtrickle_changes.changes_"
                + s.oid() + "'::regclass");
      } finally {
        c.rollback();
      }
    }
  }
}
