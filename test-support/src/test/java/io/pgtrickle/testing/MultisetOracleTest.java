package io.pgtrickle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@PgTest
class MultisetOracleTest {
  private final TestDatabase db;
  private Connection c;

  MultisetOracleTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void open() throws SQLException {
    c = db.connect();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void sameMultisetIgnoresOrder() {
    MultisetOracle.assertSameRows(c, "VALUES (1, 'a'), (2, 'b'), (2, 'b')",
        "VALUES (2, 'b'), (1, 'a'), (2, 'b')");
  }

  @Test
  void missingDuplicateIsDetectedWithMultiplicity() throws SQLException {
    MultisetDiff d = MultisetOracle.diff(c, "VALUES (1, 'a')", "VALUES (1, 'a'), (1, 'a'), (1, 'a')");
    assertEquals(List.of(row(1, "a"), row(1, "a")), d.missing());
    assertTrue(d.unexpected().isEmpty());
    assertEquals(1, d.actualCount());
    assertEquals(3, d.expectedCount());
    assertTrue(d.describe(10).contains("2 × (1, 'a')"), d.describe(10));
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> MultisetOracle.assertSameRows(c, "VALUES (1, 'a')", "VALUES (1, 'a'), (1, 'a')"));
    assertTrue(e.getMessage().contains("missing (in expected, not in actual)"), e.getMessage());
  }

  @Test
  void extraRowIsDetected() throws SQLException {
    MultisetDiff d = MultisetOracle.diff(c, "VALUES (1), (2), (3)", "VALUES (1), (2)");
    assertEquals(List.of(row(3)), d.unexpected());
    assertTrue(d.missing().isEmpty());
    assertTrue(d.describe(5).contains("unexpected (in actual, not in expected):\n  1 × (3)"), d.describe(5));
  }

  @Test
  void nullDiffersFromValueButEqualsNull() throws SQLException {
    MultisetOracle.assertSameRows(c, "SELECT NULL::int, 'x'", "SELECT NULL::bigint, 'x'");
    MultisetDiff d = MultisetOracle.diff(c, "SELECT NULL::int", "SELECT 0");
    assertEquals(1, d.missing().size());
    assertEquals(1, d.unexpected().size());
    assertTrue(d.describe(5).contains("(NULL)"), d.describe(5));
  }

  @Test
  void numericsCompareByValue() {
    MultisetOracle.assertSameRows(c, "SELECT 1.0::numeric, 2::bigint, 3.50::numeric(10,2), 0.000::numeric",
        "SELECT 1::int, 2.000::numeric, 3.5::numeric, 0::smallint");
  }

  @Test
  void numericsDifferingInValueAreReported() throws SQLException {
    assertFalse(MultisetOracle.diff(c, "SELECT 1.0000000001::numeric", "SELECT 1::numeric").isEmpty());
  }

  @Test
  void floatsCompareWithTolerance() throws SQLException {
    MultisetOracle.assertSameRows(c, "SELECT 0.1::float8 + 0.2::float8", "SELECT 0.3::float8");
    MultisetOracle.assertSameRows(c, "SELECT 0.3::float8", "SELECT 0.3::numeric");
    MultisetOracle.assertSameRows(c, "SELECT (1.0/3)::float8 * 3", "SELECT 1::float8");
    MultisetOracle.assertSameRows(c, "SELECT 0.1::real", "SELECT 0.1::float8");
    // Straddling a rounding boundary of the 10th digit: still paired by the tolerance pass.
    MultisetOracle.assertSameRows(c, "SELECT 1.00000000049999::float8", "SELECT 1.00000000050001::float8");
    MultisetOracle.assertSameRows(c, "SELECT 'NaN'::float8, 'Infinity'::float8",
        "SELECT 'NaN'::float8, 'Infinity'::float8");
    assertFalse(MultisetOracle.diff(c, "SELECT 1.001::float8", "SELECT 1.0::float8").isEmpty());
    assertFalse(MultisetOracle.diff(c, "SELECT 1e-6::float8", "SELECT 2e-6::float8").isEmpty());
  }

  @Test
  void textFormsForArraysAndPgObjects() throws SQLException {
    MultisetOracle.assertSameRows(c, "SELECT ARRAY[1,2,3], '{\"a\": 1}'::jsonb, interval '90 minutes'",
        "SELECT '{1,2,3}'::int[], '{\"a\":1}'::jsonb, interval '1 hour 30 minutes'");
    assertFalse(MultisetOracle.diff(c, "SELECT ARRAY[1,2]", "SELECT ARRAY[2,1]").isEmpty());
    if (db.extensionInstalled("vector")) {
      MultisetOracle.assertSameRows(c, "SELECT '[1,2,3]'::vector", "SELECT '[1.0, 2.0, 3.0]'::vector");
    }
    MultisetOracle.assertSameRows(c, "SELECT '\\x0102'::bytea", "SELECT decode('0102', 'hex')");
  }

  @Test
  void columnCountMustMatch() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> MultisetOracle.assertSameRows(c, "SELECT 1, 2", "SELECT 1"));
    assertTrue(e.getMessage().contains("column count differs"), e.getMessage());
  }

  @Test
  void columnNamesAreIgnored() {
    MultisetOracle.assertSameRows(c, "SELECT 1 AS a, 1 AS a", "SELECT 1 AS x, 1 AS y");
  }

  @Test
  void failingQueryIsAnErrorNamingTheQuery() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> MultisetOracle.assertSameRows(c, "SELECT * FROM no_such_table", "SELECT 1"));
    assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
  }

  @Test
  void bothQueriesShareOneSnapshotAndConnectionStateIsRestored() throws SQLException {
    // txid_current_if_assigned() is NULL in a read-only transaction; pg_current_snapshot() is the same
    // for both queries only when they run in one REPEATABLE READ transaction.
    MultisetOracle.assertSameRows(c, "SELECT pg_current_snapshot()::text, now()",
        "SELECT pg_current_snapshot()::text, now()");
    MultisetOracle.assertSameRows(c, "SELECT current_setting('transaction_isolation'),"
        + " current_setting('transaction_read_only')", "VALUES ('repeatable read', 'on')");
    assertTrue(c.getAutoCommit());
    assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
    assertFalse(c.isReadOnly());
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE t(x int)"); // writable again, autocommit again
    }
  }

  @Test
  void aRowCommittedBetweenTheTwoQueriesIsNotSeen() throws Exception {
    db.execute("CREATE TABLE snap(x int)");
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(300); // while the first (actual) query sleeps
        db.execute("INSERT INTO snap VALUES (1)");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    try {
      // actual: taken before the insert; expected: runs after the insert committed.
      MultisetOracle.assertSameRows(c, "SELECT x FROM snap, pg_sleep(1.5)", "SELECT x FROM snap");
    } finally {
      writer.join();
    }
    MultisetOracle.assertSameRows(c, "SELECT x FROM snap", "VALUES (1)");
  }

  @Test
  void openTransactionIsRefusedButCurrentTransactionVariantSeesUncommittedRows() throws SQLException {
    db.execute("CREATE TABLE IF NOT EXISTS cur(x int)");
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("INSERT INTO cur VALUES (7)");
    }
    assertThrows(IllegalStateException.class, () -> MultisetOracle.diff(c, "SELECT 1", "SELECT 1"));
    MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT x FROM cur", "VALUES (7)");
    c.rollback();
    // idle transaction with autocommit off: the own-snapshot variant works and leaves autocommit off
    MultisetOracle.assertSameRows(c, "SELECT count(*) FROM cur", "VALUES (0)");
    assertFalse(c.getAutoCommit());
    c.setAutoCommit(true);
    assertThrows(IllegalStateException.class,
        () -> MultisetOracle.assertSameRowsInCurrentTransaction(c, "SELECT 1", "SELECT 1"));
  }

  @Test
  void describeLimitsRows() throws SQLException {
    MultisetDiff d = MultisetOracle.diff(c, "SELECT g FROM generate_series(1, 50) g", "SELECT 1 WHERE false");
    String text = d.describe(3);
    assertTrue(text.contains("… and 47 more distinct rows"), text);
    assertTrue(text.startsWith("actual 50 rows, expected 0 rows; 0 missing, 50 unexpected"), text);
  }

  private static List<Object> row(Object... values) {
    return Arrays.stream(values)
        .map(v -> v instanceof Integer i ? BigDecimal.valueOf(i) : v)
        .toList();
  }
}
