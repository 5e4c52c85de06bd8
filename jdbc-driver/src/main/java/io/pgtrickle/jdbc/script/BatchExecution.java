package io.pgtrickle.jdbc.script;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@code Statement.addBatch(String)} batch in which some entries are stream-table DDL: runs of
 * ordinary entries go to PostgreSQL as PgJDBC batches, stream-table entries to the engine, in order,
 * with one update count per entry. In auto-commit mode the whole batch is one transaction, as PgJDBC
 * makes it; a failure is a {@link BatchUpdateException} with the counts of the entries before it.
 */
public final class BatchExecution {

  private final DdlRouter router;
  private final Statement batchStatement;
  private final SegmentRunner scriptRunner;
  private final long[] counts;
  private int next;
  private int pendingFrom;

  private BatchExecution(
      DdlRouter router, Statement batchStatement, SegmentRunner scriptRunner, int size) {
    this.router = router;
    this.batchStatement = batchStatement;
    this.scriptRunner = scriptRunner;
    this.counts = new long[size];
  }

  /**
   * @param entries the batch, as the application added it
   * @param plans one plan per entry, null for entries with no stream-table DDL
   * @param batchStatement the PgJDBC statement whose batch is used for ordinary entries (cleared first)
   * @param scriptRunner runs the pass-through pieces of stream-table entries (executeUpdate semantics)
   */
  public static long[] run(
      DdlRouter router,
      List<String> entries,
      List<ScriptPlan> plans,
      Statement batchStatement,
      SegmentRunner scriptRunner)
      throws SQLException {
    BatchExecution batch = new BatchExecution(router, batchStatement, scriptRunner, entries.size());
    batchStatement.clearBatch();
    ScriptTransaction transaction = ScriptTransaction.begin(router.postgres(), true);
    Throwable failure = null;
    try {
      for (int i = 0; i < entries.size(); i++) {
        batch.add(entries.get(i), plans.get(i));
      }
      batch.flush();
      transaction.commit();
      return batch.counts;
    } catch (SQLException | RuntimeException | Error e) {
      failure = e;
      transaction.rollbackAfter(e);
      throw e;
    } finally {
      batchStatement.clearBatch();
      transaction.end(failure);
      router.settlePendingActions();
    }
  }

  private void add(String entry, ScriptPlan plan) throws SQLException {
    String passThrough = entry;
    if (plan != null) {
      if (plan.dependsOnCatalog()) {
        flush();
      }
      passThrough = router.passThroughSql(plan);
    }
    if (passThrough != null) {
      batchStatement.addBatch(passThrough);
      next++;
      return;
    }
    flush();
    try (ScriptExecution script = ScriptExecution.run(router, plan, scriptRunner)) {
      counts[next] = Math.max(script.updateCount(), 0);
      next++;
      pendingFrom = next;
    } catch (SQLException e) {
      throw failed(e, Arrays.copyOf(counts, next));
    }
  }

  /** Sends the ordinary entries collected since the last flush as one PgJDBC batch. */
  private void flush() throws SQLException {
    if (pendingFrom == next) {
      return;
    }
    try {
      long[] done = batchStatement.executeLargeBatch();
      System.arraycopy(done, 0, counts, pendingFrom, Math.min(done.length, next - pendingFrom));
      pendingFrom = next;
    } catch (BatchUpdateException e) {
      long[] partial = e.getLargeUpdateCounts() == null ? new long[0] : e.getLargeUpdateCounts();
      long[] all = Arrays.copyOf(counts, pendingFrom + partial.length);
      System.arraycopy(partial, 0, all, pendingFrom, partial.length);
      throw failed(e, all);
    }
  }

  private static BatchUpdateException failed(SQLException cause, long[] counts) {
    BatchUpdateException failure =
        new BatchUpdateException(
            cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), counts, cause);
    if (cause.getNextException() != null) {
      failure.setNextException(cause.getNextException());
    }
    return failure;
  }
}
