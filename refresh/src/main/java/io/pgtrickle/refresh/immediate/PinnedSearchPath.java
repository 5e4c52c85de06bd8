package io.pgtrickle.refresh.immediate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code search_path} the IMMEDIATE functions are pinned to: the schemas the session setting the
 * mode up searches ({@code current_schemas(false)}, so only schemas that exist, quoted), without any
 * session's temporary schema, then {@code pg_temp} last, as PostgreSQL advises for {@code SECURITY
 * DEFINER} functions: a writer's temporary objects can never stand in for anything the functions name.
 */
final class PinnedSearchPath {

  private static final String SQL =
      "SELECT pg_catalog.string_agg(pg_catalog.quote_ident(t.s), ', ' ORDER BY t.o)"
          + " FROM pg_catalog.unnest(pg_catalog.current_schemas(false)) WITH ORDINALITY AS t(s, o)"
          + " WHERE NOT pg_catalog.starts_with(t.s, 'pg_temp_') AND NOT pg_catalog.starts_with(t.s, 'pg_toast_temp_')";

  private PinnedSearchPath() {}

  /** The value for {@code SET search_path = …} in a function definition. */
  static String of(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
      String schemas = rs.next() ? rs.getString(1) : null;
      return schemas == null || schemas.isEmpty() ? "pg_catalog, pg_temp" : schemas + ", pg_temp";
    }
  }
}
