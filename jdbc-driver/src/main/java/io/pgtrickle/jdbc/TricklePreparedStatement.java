package io.pgtrickle.jdbc;

import io.pgtrickle.jdbc.ddl.DdlErrors;
import io.pgtrickle.jdbc.script.DdlRouter;
import io.pgtrickle.jdbc.script.ScriptPlan;
import io.pgtrickle.jdbc.wrapper.PreparedStatementForwarding;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A prepared statement. When its SQL holds no stream-table DDL ({@code plan} is null) it is PgJDBC's
 * prepared statement with nothing added. Otherwise PgJDBC's statement was prepared (locally; nothing
 * reaches the server before execution) for the pass-through case, and each execution decides again
 * whether the SQL goes to PostgreSQL or runs as a script with the engine. DDL takes no parameters: a
 * routed string with {@code ?} placeholders fails with SQLSTATE 07001.
 */
public class TricklePreparedStatement extends InterceptingStatement<PreparedStatement>
    implements PreparedStatementForwarding {

  private final ScriptPlan plan;

  TricklePreparedStatement(
      TrickleConnection connection, PreparedStatement delegate, DdlRouter router, ScriptPlan plan) {
    super(connection, delegate, router);
    this.plan = plan;
  }

  @Override
  public final PreparedStatement preparedDelegate() {
    return delegate;
  }

  /** Whether this execution runs as a script (false: PgJDBC's prepared statement runs). */
  private boolean beginRouted() throws SQLException {
    startExecution();
    if (plan == null || router().passThroughSql(plan) != null) {
      return false;
    }
    int placeholders = plan.placeholderCount();
    if (placeholders > 0) {
      throw new SQLException(
          "stream-table DDL takes no parameters, but the statement has " + placeholders
              + " ? placeholder" + (placeholders == 1 ? "" : "s"),
          "07001");
    }
    return true;
  }

  @Override
  public boolean execute() throws SQLException {
    return beginRouted() ? runScript(plan, Statement::execute) : delegate.execute();
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return beginRouted() ? runScriptForQuery(plan) : wrap(delegate.executeQuery());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return beginRouted()
        ? toIntCount(runScriptForUpdate(plan, Statement::executeUpdate))
        : delegate.executeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return beginRouted()
        ? runScriptForUpdate(plan, Statement::executeLargeUpdate)
        : delegate.executeLargeUpdate();
  }

  @Override
  public void addBatch() throws SQLException {
    if (plan != null && plan.alwaysRouted()) {
      throw batchingNotSupported();
    }
    delegate.addBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    checkBatchPassesThrough();
    return delegate.executeBatch();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkBatchPassesThrough();
    return delegate.executeLargeBatch();
  }

  private void checkBatchPassesThrough() throws SQLException {
    startExecution();
    if (plan != null && router().passThroughSql(plan) == null) {
      delegate.clearBatch();
      throw batchingNotSupported();
    }
  }

  private static SQLException batchingNotSupported() {
    return DdlErrors.notSupported(
        "stream-table DDL cannot be batched in a PreparedStatement; execute it directly");
  }
}
