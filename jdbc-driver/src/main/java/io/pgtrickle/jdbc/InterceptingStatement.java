package io.pgtrickle.jdbc;

import io.pgtrickle.jdbc.script.DdlRouter;
import io.pgtrickle.jdbc.script.ScriptExecution;
import io.pgtrickle.jdbc.script.ScriptPlan;
import io.pgtrickle.jdbc.script.SegmentRunner;
import io.pgtrickle.jdbc.wrapper.ForwardingStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * What plain, prepared and callable pgtrickle statements share: the results of the last execution
 * come either from the PgJDBC statement (ordinary SQL) or from a {@link ScriptExecution} (a string that
 * held stream-table DDL); result sets are wrapped so that {@code getStatement()} returns this object;
 * {@code getConnection()} returns the pgtrickle connection.
 */
public abstract class InterceptingStatement<T extends Statement> extends ForwardingStatement<T> {

  /** One JDBC call applied to a pass-through piece of a script. */
  @FunctionalInterface
  protected interface PieceCall {
    void apply(Statement statement, String sql) throws SQLException;
  }

  private final TrickleConnection connection;
  private final DdlRouter router;
  private ScriptExecution script;
  private boolean escapeProcessing = true;
  private volatile Statement executingPiece;
  private ResultSet lastResultSet;
  private TrickleResultSet lastWrapped;

  protected InterceptingStatement(TrickleConnection connection, T delegate, DdlRouter router) {
    super(delegate);
    this.connection = connection;
    this.router = router;
  }

  protected final DdlRouter router() {
    return router;
  }

  // ------------------------------------------------------------------ running scripts

  /**
   * Checks that the statement is open and forgets the previous execution's script results (PgJDBC
   * does the same for its own).
   */
  protected final void startExecution() throws SQLException {
    if (delegate.isClosed()) {
      throw new SQLException("This statement has been closed.", "55000");
    }
    closeScript();
  }

  private void closeScript() throws SQLException {
    if (script != null) {
      ScriptExecution previous = script;
      script = null;
      previous.close();
    }
  }

  /** Runs {@code plan}; true when its first result is a ResultSet (the {@code execute} contract). */
  protected final boolean runScript(ScriptPlan plan, PieceCall call) throws SQLException {
    script = ScriptExecution.run(router, plan, pieceRunner(call));
    return script.resultSet() != null;
  }

  /** Runs {@code plan} for {@code executeUpdate}: the first result's update count. */
  protected final long runScriptForUpdate(ScriptPlan plan, PieceCall call) throws SQLException {
    runScript(plan, call);
    return Math.max(script.updateCount(), 0);
  }

  /**
   * Runs {@code plan} for {@code executeQuery}. As with PgJDBC, the statements run, and then the call
   * fails unless they produced exactly one result and it is a ResultSet; stream-table DDL produces an
   * update count, so this fails with "No results were returned by the query." (02000) or "Multiple
   * ResultSets were returned by the query." (0100E).
   */
  protected final ResultSet runScriptForQuery(ScriptPlan plan) throws SQLException {
    if (!runScript(plan, Statement::execute)) {
      throw new SQLException("No results were returned by the query.", "02000");
    }
    if (script.producedSeveralResults()) {
      throw new SQLException("Multiple ResultSets were returned by the query.", "0100E");
    }
    return wrap(script.resultSet());
  }

  /** Runs script pieces on fresh PgJDBC statements with {@code call}; {@link #cancel()} reaches them. */
  protected final SegmentRunner pieceRunner(PieceCall call) {
    return new SegmentRunner() {
      @Override
      public Statement newStatement() throws SQLException {
        return newPieceStatement();
      }

      @Override
      public void execute(Statement statement, String sql) throws SQLException {
        executingPiece = statement;
        try {
          call.apply(statement, sql);
        } finally {
          executingPiece = null;
        }
      }
    };
  }

  /** A PgJDBC statement with this statement's result-set type and settings. */
  private Statement newPieceStatement() throws SQLException {
    Statement piece =
        router
            .postgres()
            .createStatement(
                delegate.getResultSetType(),
                delegate.getResultSetConcurrency(),
                delegate.getResultSetHoldability());
    piece.setEscapeProcessing(escapeProcessing);
    piece.setMaxRows(delegate.getMaxRows());
    piece.setMaxFieldSize(delegate.getMaxFieldSize());
    piece.setQueryTimeout(delegate.getQueryTimeout());
    piece.setFetchSize(delegate.getFetchSize());
    piece.setFetchDirection(delegate.getFetchDirection());
    return piece;
  }

  /** This statement's wrapper for {@code resultSet} (the same wrapper for the same result set). */
  protected final ResultSet wrap(ResultSet resultSet) {
    if (resultSet == null) {
      return null;
    }
    if (resultSet != lastResultSet) {
      lastResultSet = resultSet;
      lastWrapped = new TrickleResultSet(resultSet, this);
    }
    return lastWrapped;
  }

  protected static int toIntCount(long count) {
    return count > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) count;
  }

  // ------------------------------------------------------------------ results

  @Override
  public ResultSet getResultSet() throws SQLException {
    return wrap(script != null ? script.resultSet() : delegate.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return script != null ? toIntCount(script.updateCount()) : delegate.getUpdateCount();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return script != null ? script.updateCount() : delegate.getLargeUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(Statement.CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return script != null ? script.moreResults(current) : delegate.getMoreResults(current);
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    return wrap(script != null ? script.generatedKeys() : delegate.getGeneratedKeys());
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return script != null ? script.warnings() : delegate.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
    if (script != null) {
      script.clearWarnings();
    }
  }

  // ------------------------------------------------------------------ lifecycle and settings

  @Override
  public Connection getConnection() throws SQLException {
    delegate.getConnection(); // fails as PgJDBC does when the statement is closed
    return connection;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    delegate.setEscapeProcessing(enable);
    escapeProcessing = enable;
  }

  @Override
  public void cancel() throws SQLException {
    Statement piece = executingPiece;
    if (piece != null) {
      piece.cancel();
    }
    delegate.cancel();
  }

  @Override
  public void close() throws SQLException {
    try {
      closeScript();
    } finally {
      delegate.close();
    }
  }
}
