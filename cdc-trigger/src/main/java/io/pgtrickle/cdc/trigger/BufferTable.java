package io.pgtrickle.cdc.trigger;

import static io.pgtrickle.spi.cdc.ChangeBufferLayout.SCHEMA;
import static io.pgtrickle.spi.cdc.ChangeBufferLayout.WEIGHT_COLUMN;
import static io.pgtrickle.spi.cdc.ChangeBufferLayout.XID_COLUMN;

import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The change buffer of one source: its DDL (schema, table, indexes, privileges) and what it holds now.
 * The layout is {@link ChangeBufferLayout}'s.
 */
final class BufferTable {

  /** Advisory lock key serializing the creation of the buffer schema ("pgtcdc" + 1). */
  private static final long SCHEMA_LOCK_KEY = 0x7067_7463_6463_0001L;

  private static final String COLUMNS_SQL =
      "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
          + " a.attcollation <> 0 AND a.attcollation <> t.typcollation, cn.nspname, co.collname"
          + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
          + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
          + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
          + " WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
          + " ORDER BY a.attnum";

  private final long sourceOid;

  BufferTable(long sourceOid) {
    this.sourceOid = sourceOid;
  }

  /** The quoted, qualified table name. */
  String qualifiedName() {
    return ChangeBufferLayout.qualifiedTableName(sourceOid);
  }

  /**
   * The captured columns of the existing buffer, name to {@code type [COLLATE collation]} in the form
   * {@link SourceColumn} renders them, or empty when there is no buffer. Call inside
   * {@link SearchPath#withCatalogOnly} so that type names are qualified the same way.
   */
  Optional<Map<String, String>> existingColumns(Connection connection) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    boolean exists = false;
    try (PreparedStatement ps = connection.prepareStatement(COLUMNS_SQL)) {
      ps.setString(1, qualifiedName());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          exists = true;
          String name = rs.getString(1);
          if (ChangeBufferLayout.isReservedColumn(name)) {
            continue;
          }
          String collation =
              rs.getBoolean(3) ? " COLLATE " + SqlIdentifiers.qualified(rs.getString(4), rs.getString(5)) : "";
          columns.put(name, rs.getString(2) + collation);
        }
      }
    }
    return exists ? Optional.of(columns) : Optional.empty();
  }

  /** Creates the buffer schema if it is missing, and keeps PUBLIC out of it. */
  static void ensureSchema(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = "
                  + SqlLiterals.string(SCHEMA))) {
        if (rs.next()) {
          return;
        }
      }
      // Two first captures at once would both try to create it; the loser would fail on the catalog's
      // unique index. The lock makes the second one wait and then find the schema.
      st.execute("SELECT pg_catalog.pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
      st.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(SCHEMA));
      st.execute("REVOKE ALL ON SCHEMA " + SqlIdentifiers.quote(SCHEMA) + " FROM PUBLIC");
      st.execute(
          "COMMENT ON SCHEMA " + SqlIdentifiers.quote(SCHEMA)
              + " IS 'pgtrickle change buffers, one table per captured source'");
    }
  }

  /** Creates the buffer with the given captured columns, its indexes and privileges. */
  void create(Connection connection, List<SourceColumn> columns, String describedSource)
      throws SQLException {
    StringJoiner definition = new StringJoiner(", ", "(", ")");
    definition.add(
        SqlIdentifiers.quote(XID_COLUMN) + " xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id()");
    definition.add(
        SqlIdentifiers.quote(WEIGHT_COLUMN) + " smallint NOT NULL CHECK ("
            + SqlIdentifiers.quote(WEIGHT_COLUMN) + " IN (" + ChangeBufferLayout.DELETE + ", "
            + ChangeBufferLayout.TRUNCATE_MARKER + ", " + ChangeBufferLayout.INSERT + "))");
    for (SourceColumn column : columns) {
      definition.add(column.bufferDefinition());
    }
    String table = ChangeBufferLayout.tableName(sourceOid);
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE TABLE " + qualifiedName() + " " + definition);
      st.execute(
          "CREATE INDEX " + SqlIdentifiers.quote(table + "_xid") + " ON " + qualifiedName() + " ("
              + SqlIdentifiers.quote(XID_COLUMN) + ")");
      st.execute(
          "CREATE INDEX " + SqlIdentifiers.quote(table + "_truncations") + " ON " + qualifiedName()
              + " (" + SqlIdentifiers.quote(XID_COLUMN) + ") WHERE " + SqlIdentifiers.quote(WEIGHT_COLUMN)
              + " = " + ChangeBufferLayout.TRUNCATE_MARKER);
      st.execute("REVOKE ALL ON TABLE " + qualifiedName() + " FROM PUBLIC");
      st.execute(
          "COMMENT ON TABLE " + qualifiedName() + " IS "
              + SqlLiterals.string("pgtrickle change buffer of " + describedSource + " (trigger capture)"));
    }
  }

  /** Adds captured columns to the existing buffer; rows already there get NULL in them. */
  void addColumns(Connection connection, List<SourceColumn> columns) throws SQLException {
    if (columns.isEmpty()) {
      return;
    }
    StringJoiner alter = new StringJoiner(", ");
    for (SourceColumn column : columns) {
      alter.add("ADD COLUMN " + column.bufferDefinition());
    }
    try (Statement st = connection.createStatement()) {
      st.execute("ALTER TABLE " + qualifiedName() + " " + alter);
    }
  }

  /** Drops the buffer if it exists. */
  void drop(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + qualifiedName());
    }
  }
}
