package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.catalog.Relation;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition view {@code pgtrickle."__pgt_def_<id>"} of a stream table: the defining query as an
 * ordinary PostgreSQL view. Creating it lets PostgreSQL be the authority: it validates the query with
 * its own errors, fixes the output column names and types, pins every source by OID (renaming a source
 * does not break it, like a materialized view) and records the sources in {@code pg_depend}, so
 * {@code DROP TABLE source} without CASCADE is refused as for a materialized view. A FULL refresh reads
 * {@code SELECT * FROM} this view.
 */
public final class DefinitionView {

  /** Prefix of definition view names in schema pgtrickle. */
  public static final String PREFIX = "__pgt_def_";

  private DefinitionView() {}

  /** The view name for stream table {@code pgtId}. */
  public static String name(long pgtId) {
    return PREFIX + pgtId;
  }

  /**
   * Creates the view; PostgreSQL's exception for a bad query propagates unchanged, except that a query
   * over temporary relations is refused with 0A000 as for materialized views.
   */
  public static Relation create(
      Connection connection, long pgtId, List<String> columnNames, String query, String forName)
      throws SQLException {
    String view = Sql.catalog(name(pgtId));
    StringBuilder sql = new StringBuilder("CREATE VIEW ").append(view);
    if (!columnNames.isEmpty()) {
      sql.append(" (").append(Sql.identList(columnNames)).append(')');
    }
    sql.append(" AS ").append(query);
    try (Statement st = connection.createStatement()) {
      st.execute(sql.toString());
    } catch (SQLException e) {
      if (SqlStates.INVALID_TABLE_DEFINITION.equals(e.getSQLState())
          && String.valueOf(e.getMessage()).contains("temporary")) {
        SQLException refused = temporarySources();
        refused.initCause(e);
        throw refused;
      }
      throw e;
    }
    try (Statement st = connection.createStatement()) {
      st.execute("COMMENT ON VIEW " + view + " IS "
          + Sql.literal("pgtrickle: defining query of stream table " + forName));
    }
    return RelationResolver.inSchema(connection, Sql.CATALOG_SCHEMA, name(pgtId))
        .orElseThrow(() -> new SQLException("definition view " + view + " vanished"));
  }

  /** 0A000, PostgreSQL's wording for materialized views over temporary relations. */
  static SQLException temporarySources() {
    return SqlStates.error(
        SqlStates.FEATURE_NOT_SUPPORTED, "stream tables must not use temporary tables or views");
  }

  /** The view's output columns in order. */
  public static List<Column> columns(Connection connection, long viewOid) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT a.\"attname\", a.\"atttypid\", pg_catalog.format_type(a.\"atttypid\", a.\"atttypmod\")"
                + " FROM pg_catalog.pg_attribute a"
                + " WHERE a.\"attrelid\" = ?::oid AND a.\"attnum\" > 0 AND NOT a.\"attisdropped\""
                + " ORDER BY a.\"attnum\"")) {
      ps.setLong(1, viewOid);
      List<Column> columns = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(new Column(rs.getString(1), rs.getLong(2), rs.getString(3)));
        }
      }
      return columns;
    }
  }

  /** Drops the view if it exists. */
  public static void drop(Connection connection, String viewName, boolean cascade)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP VIEW IF EXISTS " + Sql.catalog(viewName) + (cascade ? " CASCADE" : ""));
    }
  }
}
