package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.api.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Looks relations up in {@code pg_class}, by name through the search_path like PostgreSQL, or by OID. */
public final class RelationResolver {

  private static final String SELECT =
      "SELECT c.\"oid\", n.\"nspname\", c.\"relname\", c.\"relkind\", c.\"relpersistence\""
          + " FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_namespace n ON n.\"oid\" = c.\"relnamespace\"";

  private RelationResolver() {}

  /** The relation {@code name} resolves to (search_path for unqualified names), if any. */
  public static Optional<Relation> resolve(Connection connection, QualifiedName name)
      throws SQLException {
    return query(connection, SELECT + " WHERE c.\"oid\" = pg_catalog.to_regclass(?)", name.toSql());
  }

  /** The relation with this OID, if it (still) exists. */
  public static Optional<Relation> byOid(Connection connection, long oid) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(SELECT + " WHERE c.\"oid\" = ?::oid")) {
      ps.setLong(1, oid);
      return read(ps);
    }
  }

  /** The relation {@code name} in schema {@code schema} exactly, if any. */
  public static Optional<Relation> inSchema(Connection connection, String schema, String name)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(SELECT + " WHERE n.\"nspname\" = ? AND c.\"relname\" = ?")) {
      ps.setString(1, schema);
      ps.setString(2, name);
      return read(ps);
    }
  }

  private static Optional<Relation> query(Connection connection, String sql, String param)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, param);
      return read(ps);
    }
  }

  private static Optional<Relation> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Relation(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4).charAt(0),
              rs.getString(5).charAt(0)));
    }
  }
}
