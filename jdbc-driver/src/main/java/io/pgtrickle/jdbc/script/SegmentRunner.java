package io.pgtrickle.jdbc.script;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the pass-through pieces of a script reach PostgreSQL: a fresh PgJDBC statement configured like
 * the application's one, and the call the application made ({@code execute(sql)}, {@code
 * executeUpdate(sql, keys)} …) applied to a piece.
 */
public interface SegmentRunner {

  /** A new PgJDBC statement with the application statement's settings. */
  Statement newStatement() throws SQLException;

  /** Sends {@code sql} on {@code statement}, leaving its results positioned on the first one. */
  void execute(Statement statement, String sql) throws SQLException;
}
