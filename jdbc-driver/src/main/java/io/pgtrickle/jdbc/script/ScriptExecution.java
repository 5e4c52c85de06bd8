package io.pgtrickle.jdbc.script;

import io.pgtrickle.jdbc.ddl.DdlErrors;
import io.pgtrickle.jdbc.ddl.ParsedDdl;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.StreamTableCommand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a SQL string that holds stream-table DDL: consecutive pass-through statements go to PostgreSQL
 * together in one call (so PgJDBC's own multi-result behaviour holds for them), stream-table
 * statements go to the engine, in source order. The results are then read like one JDBC statement's
 * results ({@link #resultSet}, {@link #updateCount}, {@link #moreResults}).
 *
 * <p>PgJDBC runs a multi-statement string in auto-commit mode as one implicit transaction; so does
 * this class (it switches auto-commit off around the script and commits at the end, rolling back on
 * the first error). With auto-commit off, everything runs in the application's transaction.
 *
 * <p>Source DDL ({@code ALTER|DROP TABLE|VIEW|SCHEMA}) is sent as written and followed, in the same
 * transaction, by the engine's rebuild of the stream tables whose sources it changed; in auto-commit
 * mode the two run in a transaction of our own (one statement then commits with its rebuild).
 */
public final class ScriptExecution implements AutoCloseable {

  private sealed interface Result permits FromPostgres, FromEngine {}

  /** The results of one PgJDBC call, read through its statement. */
  private record FromPostgres(Statement statement) implements Result {}

  /** The update count the engine reported for one stream-table statement. */
  private record FromEngine(long updateCount) implements Result {}

  private final DdlRouter router;
  private final SegmentRunner runner;
  private final List<Result> results = new ArrayList<>();
  private final List<Statement> statements = new ArrayList<>();
  private final StringBuilder pending = new StringBuilder();
  private final boolean ownTransaction;
  private SQLWarning warnings;
  private int index;

  private ScriptExecution(DdlRouter router, SegmentRunner runner, boolean ownTransaction) {
    this.router = router;
    this.runner = runner;
    this.ownTransaction = ownTransaction;
  }

  /** Runs every statement of {@code plan}; on failure nothing is left open and the error is thrown. */
  public static ScriptExecution run(DdlRouter router, ScriptPlan plan, SegmentRunner runner)
      throws SQLException {
    ScriptTransaction transaction =
        ScriptTransaction.begin(router.postgres(),
            plan.sentStatementCount() > 1 || plan.hasSourceDdl());
    ScriptExecution execution = new ScriptExecution(router, runner, transaction.isOwn());
    Throwable failure = null;
    try {
      for (PlannedStatement statement : plan.statements()) {
        execution.add(statement);
      }
      execution.flush();
      transaction.commit();
    } catch (SQLException | RuntimeException | Error e) {
      failure = e;
      transaction.rollbackAfter(e);
      execution.closeAfter(e);
      throw e;
    } finally {
      transaction.end(failure);
      router.settlePendingActions();
    }
    execution.skipEmptyResults();
    return execution;
  }

  private void add(PlannedStatement planned) throws SQLException {
    ParsedDdl ddl = planned.ddl();
    if (ddl instanceof ParsedDdl.StreamDdl stream) {
      runOnEngine(stream.command());
    } else if (ddl instanceof ParsedDdl.StreamDdlIfStreamTable conditional) {
      flush();
      if (router.anyStreamTable(conditional.names())) {
        runOnEngine(conditional.command());
      } else {
        pending.append(planned.passThroughText());
      }
    } else if (ddl instanceof ParsedDdl.SourceDdl) {
      pending.append(planned.passThroughText());
      flush();
      for (SQLWarning warning : router.sourcesAltered().warnings()) {
        addWarning(warning);
      }
    } else if (ddl instanceof ParsedDdl.UnsupportedOnStreamTable unsupported) {
      flush();
      if (router.anyStreamTable(List.of(unsupported.name()))) {
        throw DdlErrors.notSupported(
            "ALTER MATERIALIZED VIEW … " + unsupported.form() + " is not supported for stream tables ("
                + unsupported.name() + " is one)");
      }
      pending.append(planned.passThroughText());
    } else if (!planned.statement().isWhitespaceOnly()) {
      pending.append(planned.passThroughText());
    }
  }

  private void runOnEngine(StreamTableCommand command) throws SQLException {
    flush();
    DdlOutcome outcome = router.execute(command);
    results.add(new FromEngine(outcome.updateCount()));
    for (SQLWarning warning : outcome.warnings()) {
      addWarning(warning);
    }
  }

  /** Sends the pass-through statements collected so far in one PgJDBC call. */
  private void flush() throws SQLException {
    if (pending.length() == 0) {
      return;
    }
    String sql = pending.toString();
    pending.setLength(0);
    Statement statement = newStatement();
    runner.execute(statement, sql);
    results.add(new FromPostgres(statement));
    addWarning(statement.getWarnings());
  }

  private Statement newStatement() throws SQLException {
    Statement statement = runner.newStatement();
    statements.add(statement);
    if (ownTransaction) {
      // Inside our own transaction PgJDBC would fetch through a portal that the commit closes.
      statement.setFetchSize(0);
    }
    return statement;
  }

  private void addWarning(SQLWarning warning) {
    if (warning == null) {
      return;
    }
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  private void closeAfter(Throwable failure) {
    try {
      close();
    } catch (SQLException closeFailed) {
      failure.addSuppressed(closeFailed);
    }
  }

  // ------------------------------------------------------------------ reading the results

  /** The current result's ResultSet, or null when it is an update count or the results are done. */
  public ResultSet resultSet() throws SQLException {
    Result result = current();
    return result instanceof FromPostgres postgres ? postgres.statement().getResultSet() : null;
  }

  /** The current result's update count; -1 when it is a ResultSet or the results are done. */
  public long updateCount() throws SQLException {
    Result result = current();
    if (result instanceof FromPostgres postgres) {
      return postgres.statement().getLargeUpdateCount();
    }
    return result instanceof FromEngine engine ? engine.updateCount() : -1;
  }

  /** Moves to the next result, as {@link Statement#getMoreResults(int)}. */
  public boolean moreResults(int current) throws SQLException {
    Result result = current();
    if (result instanceof FromPostgres postgres) {
      Statement statement = postgres.statement();
      if (statement.getMoreResults(current)) {
        return true;
      }
      if (statement.getLargeUpdateCount() != -1) {
        return false;
      }
    }
    if (result != null) {
      index++;
      skipEmptyResults();
    }
    return resultSet() != null;
  }

  /** Whether the script produced more than one result (for {@code executeQuery}'s checks). */
  public boolean producedSeveralResults() {
    return results.size() > 1;
  }

  /** The warnings of every piece, in order (PostgreSQL notices and the engine's warnings). */
  public SQLWarning warnings() {
    return warnings;
  }

  public void clearWarnings() {
    warnings = null;
  }

  /** The generated keys of the last pass-through piece, or an empty result. */
  public ResultSet generatedKeys() throws SQLException {
    for (int i = results.size() - 1; i >= 0; i--) {
      if (results.get(i) instanceof FromPostgres postgres) {
        return postgres.statement().getGeneratedKeys();
      }
    }
    return newStatement().getGeneratedKeys();
  }

  private Result current() {
    return index < results.size() ? results.get(index) : null;
  }

  /** Steps over pieces that left no result at all, so that the cursor rests on a real one. */
  private void skipEmptyResults() throws SQLException {
    while (current() instanceof FromPostgres postgres
        && postgres.statement().getResultSet() == null
        && postgres.statement().getLargeUpdateCount() == -1) {
      index++;
    }
  }

  /** Closes the PgJDBC statements (and so their result sets). */
  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (Statement statement : statements) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    statements.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
