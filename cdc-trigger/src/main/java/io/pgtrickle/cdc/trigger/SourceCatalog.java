package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a source table's live definition from {@code pg_catalog}, by OID. */
final class SourceCatalog {

  private static final String RELATION_SQL =
      "SELECT n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?::oid";

  /**
   * Columns with their storage type: domains resolved to their base type (following domain chains) with
   * the typmod of the innermost domain that has one, formatted while search_path is pg_catalog so that
   * every type outside pg_catalog comes out schema-qualified.
   */
  private static final String COLUMNS_SQL =
      "WITH RECURSIVE resolved(attnum, typid, typmod) AS ("
          + " SELECT a.attnum, a.atttypid, a.atttypmod FROM pg_catalog.pg_attribute a"
          + " WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped"
          + " UNION ALL"
          + " SELECT r.attnum, t.typbasetype, CASE WHEN r.typmod >= 0 THEN r.typmod ELSE t.typtypmod END"
          + " FROM resolved r JOIN pg_catalog.pg_type t ON t.oid = r.typid WHERE t.typtype = 'd')"
          + " SELECT a.attname, pg_catalog.format_type(r.typid, r.typmod), r.typid, r.typmod,"
          + " a.attcollation <> 0 AND a.attcollation <> bt.typcollation, cn.nspname, co.collname,"
          + " coalesce(co.collisdeterministic, true)"
          + " FROM pg_catalog.pg_attribute a"
          + " JOIN resolved r ON r.attnum = a.attnum"
          + " JOIN pg_catalog.pg_type bt ON bt.oid = r.typid AND bt.typtype <> 'd'"
          + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
          + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
          + " WHERE a.attrelid = ?::oid ORDER BY a.attnum";

  private static final String KEY_SQL =
      "SELECT a.attname FROM pg_catalog.pg_constraint con"
          + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
          + " WHERE con.conrelid = ?::oid AND con.contype = 'p' AND NOT con.condeferrable ORDER BY k.ord";

  private static final String DESCENDANTS_SQL =
      "WITH RECURSIVE tree(relid) AS ("
          + " SELECT i.inhrelid FROM pg_catalog.pg_inherits i WHERE i.inhparent = ?::oid"
          + " UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN tree ON i.inhparent = tree.relid)"
          + " SELECT c.oid, n.nspname, c.relname"
          + " FROM tree JOIN pg_catalog.pg_class c ON c.oid = tree.relid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p') ORDER BY c.oid";

  private SourceCatalog() {}

  /**
   * The live source with this OID.
   *
   * @throws SQLException 42P01 when it does not exist, 0A000 when it is not an ordinary or partitioned
   *     table
   */
  static LiveSource describe(Connection connection, long oid) throws SQLException {
    String schema;
    String name;
    boolean partitioned;
    try (PreparedStatement ps = connection.prepareStatement(RELATION_SQL)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("source relation with OID " + oid + " does not exist", "42P01");
        }
        schema = rs.getString(1);
        name = rs.getString(2);
        String relkind = rs.getString(3);
        if (!"r".equals(relkind) && !"p".equals(relkind)) {
          throw new SQLException(
              "cannot capture changes of \"" + schema + "\".\"" + name + "\": relkind '" + relkind
                  + "' is not a table (only ordinary and partitioned tables have triggers with"
                  + " transition tables)",
              "0A000");
        }
        partitioned = "p".equals(relkind);
      }
    }
    return new LiveSource(
        oid, schema, name, partitioned, columns(connection, oid), keyColumns(connection, oid),
        descendants(connection, oid));
  }

  /** The current quoted qualified name of the relation with this OID, empty when it is gone. */
  static Optional<String> qualifiedName(Connection connection, long oid) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(RELATION_SQL)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(SqlIdentifiers.qualified(rs.getString(1), rs.getString(2)));
      }
    }
  }

  /** The table's partitions and inheritance children, any depth. */
  static List<TableRef> descendants(Connection connection, long oid) throws SQLException {
    List<TableRef> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(DESCENDANTS_SQL)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(
              new TableRef(rs.getLong(1), SqlIdentifiers.qualified(rs.getString(2), rs.getString(3))));
        }
      }
    }
    return names;
  }

  private static List<SourceColumn> columns(Connection connection, long oid) throws SQLException {
    List<SourceColumn> columns = new ArrayList<>();
    SearchPath.withCatalogOnly(
        connection,
        () -> {
          try (PreparedStatement ps = connection.prepareStatement(COLUMNS_SQL)) {
            ps.setLong(1, oid);
            ps.setLong(2, oid);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ColumnComparison comparison =
                    ColumnComparison.forType(rs.getLong(3), rs.getInt(4), rs.getBoolean(8));
                String collation =
                    rs.getBoolean(5) ? SqlIdentifiers.qualified(rs.getString(6), rs.getString(7)) : null;
                columns.add(new SourceColumn(rs.getString(1), rs.getString(2), collation, comparison));
              }
            }
          }
          return null;
        });
    return columns;
  }

  private static List<String> keyColumns(Connection connection, long oid) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(KEY_SQL)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          key.add(rs.getString(1));
        }
      }
    }
    return key;
  }
}
