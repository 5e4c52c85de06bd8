package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.catalog.Dependency;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the relations a view or materialized view reads directly, from {@code pg_depend} entries of
 * its {@code pg_rewrite} rule (as PostgreSQL recorded them when it analysed the query), with
 * schema-qualified names, relkinds and whether each is a stream table.
 */
public final class DependencyReader {

  private static final String SOURCES =
      "SELECT DISTINCT c.\"oid\", n.\"nspname\", c.\"relname\", c.\"relkind\", c.\"relpersistence\","
          + " st.\"pgt_id\""
          + " FROM pg_catalog.pg_rewrite r"
          + " JOIN pg_catalog.pg_depend d ON d.\"classid\" = 'pg_catalog.pg_rewrite'::pg_catalog.regclass"
          + "  AND d.\"objid\" = r.\"oid\""
          + "  AND d.\"refclassid\" = 'pg_catalog.pg_class'::pg_catalog.regclass"
          + " JOIN pg_catalog.pg_class c ON c.\"oid\" = d.\"refobjid\""
          + " JOIN pg_catalog.pg_namespace n ON n.\"oid\" = c.\"relnamespace\""
          + " LEFT JOIN " + Sql.catalog("pgt_stream_tables") + " st ON st.\"storage_relid\" = c.\"oid\""
          + " WHERE r.\"ev_class\" = ?::oid AND d.\"refobjid\" <> r.\"ev_class\""
          + " AND d.\"deptype\" = 'n'"
          + " ORDER BY 2, 3";

  private DependencyReader() {}

  /** A source together with its persistence (to refuse temporary ones). */
  public record Source(Dependency dependency, boolean temporary) {}

  /** The direct sources of the view or materialized view {@code relid}. */
  public static List<Source> sources(Connection connection, long relid) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(SOURCES)) {
      ps.setLong(1, relid);
      List<Source> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long pgt = rs.getLong(6);
          Long pgtId = rs.wasNull() ? null : pgt;
          Dependency dependency =
              new Dependency(rs.getLong(1), rs.getString(2), rs.getString(3),
                  rs.getString(4).charAt(0), pgtId);
          result.add(new Source(dependency, rs.getString(5).charAt(0) == 't'));
        }
      }
      return result;
    }
  }
}
