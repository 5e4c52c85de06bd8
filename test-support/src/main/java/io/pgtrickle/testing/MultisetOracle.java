package io.pgtrickle.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.opentest4j.AssertionFailedError;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The correctness oracle: two queries (typically {@code SELECT cols FROM stream_table} and the view's defining
 * query) must return the same multiset of rows.
 *
 * <p>Normalisation: columns are compared by position (the column count must match, names are ignored);
 * integers, bigints and numerics by value ({@code 1 = 1.0 = 1.00}); real/double with a relative tolerance
 * (rounded to {@value Values#DOUBLE_DIGITS} significant digits for doubles, {@value Values#REAL_DIGITS} for
 * reals, then rows still apart are paired within {@value Values#DOUBLE_TOLERANCE} /
 * {@value Values#REAL_TOLERANCE}); NULL equals NULL; arrays and PGobjects (vector, jsonb, interval…) by their
 * text form; bytea as hex text.
 */
public final class MultisetOracle {
  private static final int REPORT_ROWS = 20;

  private MultisetOracle() {}

  /**
   * Asserts that both queries return the same multiset, both read in ONE snapshot: a new REPEATABLE READ,
   * read-only transaction on {@code c} (autocommit, isolation and read-only flag are restored afterwards).
   * {@code c} must not be inside an open transaction.
   *
   * @throws AssertionFailedError with a readable diff when the rows differ or the column counts differ
   * @throws IllegalStateException when a query fails
   */
  public static void assertSameRows(Connection c, String actualSql, String expectedSql) {
    MultisetDiff d;
    try {
      d = diff(c, actualSql, expectedSql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new AssertionFailedError(header(actualSql, expectedSql) + e.getMessage());
    }
    failIfDifferent(d, actualSql, expectedSql);
  }

  /** The multiset difference, both queries read in one REPEATABLE READ read-only snapshot (see above). */
  public static MultisetDiff diff(Connection c, String actualSql, String expectedSql) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    if (!autoCommit && inOpenTransaction(c)) {
      throw new IllegalStateException("the connection is inside an open transaction; commit or roll back first,"
          + " or use assertSameRowsInCurrentTransaction / diffInCurrentTransaction");
    }
    int isolation = c.getTransactionIsolation();
    boolean readOnly = c.isReadOnly();
    try {
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        return compare(c, actualSql, expectedSql);
      } finally {
        c.rollback();
      }
    } finally {
      c.setReadOnly(readOnly);
      c.setTransactionIsolation(isolation);
      if (autoCommit) {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Like {@link #assertSameRows} but inside the caller's current transaction (autocommit must be off), so
   * uncommitted changes of that transaction are seen — for IMMEDIATE-mode tests. The transaction is left
   * open. Both queries share one snapshot only if the transaction is REPEATABLE READ or SERIALIZABLE; under
   * READ COMMITTED each query takes its own (which matters only with concurrent writers).
   */
  public static void assertSameRowsInCurrentTransaction(Connection c, String actualSql, String expectedSql) {
    MultisetDiff d;
    try {
      d = diffInCurrentTransaction(c, actualSql, expectedSql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new AssertionFailedError(header(actualSql, expectedSql) + e.getMessage());
    }
    failIfDifferent(d, actualSql, expectedSql);
  }

  /** The multiset difference read inside the caller's current transaction (autocommit must be off). */
  public static MultisetDiff diffInCurrentTransaction(Connection c, String actualSql, String expectedSql)
      throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("autocommit is on: there is no current transaction; use assertSameRows");
    }
    return compare(c, actualSql, expectedSql);
  }

  private static MultisetDiff compare(Connection c, String actualSql, String expectedSql) throws SQLException {
    RowSet actual = RowSet.read(c, actualSql);
    RowSet expected = RowSet.read(c, expectedSql);
    return MultisetComparator.compare(actual, expected);
  }

  private static void failIfDifferent(MultisetDiff d, String actualSql, String expectedSql) {
    if (!d.isEmpty()) {
      throw new AssertionFailedError(header(actualSql, expectedSql) + d.describe(REPORT_ROWS));
    }
  }

  private static String header(String actualSql, String expectedSql) {
    return "rows differ\n  actual:   " + actualSql + "\n  expected: " + expectedSql + "\n";
  }

  private static boolean inOpenTransaction(Connection c) {
    try {
      if (c.isWrapperFor(BaseConnection.class)) {
        return c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
      }
    } catch (SQLException ignored) {
      // unknown: let setTransactionIsolation complain if it must
    }
    return false;
  }
}
