package io.pgtrickle.refresh.full;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * JIT off for the whole of one refresh (FULL recomputation, a differential table's initial population,
 * the catalog bookkeeping), with the caller's value put back afterwards in the same transaction. The
 * defining query of a multi-join stream table has a high cost estimate on sources that were never
 * analysed, so PostgreSQL JIT-compiles it: measured 2.5 s of compilation for a FULL refresh of a
 * handful of rows (the differential delta statements already switch JIT off themselves, see
 * {@code DeltaMaterializer}). Transaction-local ({@code set_config(…, true)}), the caller's value kept in
 * {@code pgtrickle.jit_caller}; a failed refresh rolls both back with its savepoint or transaction.
 */
final class RefreshJit {

  private static final String OFF =
      "SELECT pg_catalog.set_config('pgtrickle.jit_caller', pg_catalog.current_setting('jit'), true),"
          + " pg_catalog.set_config('jit', 'off', true)";

  private static final String RESTORE =
      "SELECT pg_catalog.set_config('jit', pg_catalog.current_setting('pgtrickle.jit_caller'), true)";

  /**
   * A select-list item that switches JIT off until the end of the transaction, for a refresh that owns
   * its transaction (see {@link RefreshExecutor#PREFETCH_COLUMNS_JIT_OFF}).
   */
  static final String OFF_FOR_TRANSACTION = "pg_catalog.set_config('jit', 'off', true)";

  private RefreshJit() {}

  static void off(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(OFF);
    }
  }

  static void restore(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(RESTORE);
    }
  }
}
