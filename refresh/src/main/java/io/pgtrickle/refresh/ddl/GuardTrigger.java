package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.catalog.Relation;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The guard trigger of a stream table: one statement-level BEFORE INSERT OR UPDATE OR DELETE OR
 * TRUNCATE trigger calling the shared function {@code pgtrickle.pgt_guard()}, which raises SQLSTATE
 * 42809 {@code cannot change stream table "x"} unless the engine's transaction-local bypass is on (see
 * {@link io.pgtrickle.refresh.sql.Maintenance}). It covers COPY and MERGE too, and is dropped with the
 * table.
 */
public final class GuardTrigger {

  /** The trigger's name on every stream table. */
  public static final String NAME = "__pgt_guard";

  private GuardTrigger() {}

  /** Installs the guard on {@code storage}. */
  public static void install(Connection connection, Relation storage) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TRIGGER " + Sql.ident(NAME)
              + " BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + storage.sql()
              + " FOR EACH STATEMENT EXECUTE FUNCTION " + Sql.catalog("pgt_guard") + "()");
    }
  }
}
