package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.sql.TransactionScope;
import java.sql.Connection;
import java.sql.SQLException;

/** Executes one stream-table statement; one instance per statement. */
public interface CommandHandler {

  /** Checks that need no database (options), run before anything is sent to the server. */
  default void validate() throws SQLException {}

  /** Does the work inside the statement's transaction scope; the catalog is current. */
  DdlOutcome handle(Connection connection, TransactionScope scope) throws SQLException;

  /**
   * Called after {@link #handle} failed and its work was rolled back (the connection is usable and
   * back in its original auto-commit state). Must not throw.
   */
  default void afterFailure(Connection connection, SQLException failure) {}
}
