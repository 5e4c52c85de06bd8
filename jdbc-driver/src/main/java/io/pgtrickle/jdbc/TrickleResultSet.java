package io.pgtrickle.jdbc;

import io.pgtrickle.jdbc.wrapper.ForwardingResultSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PgJDBC's result set of a statement the application made through pgtrickle; only
 * {@link #getStatement()} differs: it returns the application's (pgtrickle) statement.
 */
public final class TrickleResultSet extends ForwardingResultSet {

  private final Statement statement;

  TrickleResultSet(ResultSet delegate, Statement statement) {
    super(delegate);
    this.statement = statement;
  }

  @Override
  public Statement getStatement() throws SQLException {
    delegate.getStatement(); // fails as PgJDBC does when the result set is closed
    return statement;
  }
}
