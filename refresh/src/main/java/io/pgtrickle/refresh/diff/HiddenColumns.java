package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.ddl.CreateHandler;
import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hidden state columns ({@code __pgt_…}) of a stream table's storage, after its user columns.
 * They exist exactly while the stream table is maintained differentially by a plan that keeps hidden
 * state ({@link DiffPlan#hiddenColumns()}): added by {@link #install} with the types PostgreSQL infers
 * for them from the plan's state query (collation included), dropped by {@link #dropAll}. Their
 * values are written by FULL refreshes (the state query) and differential applies alike.
 *
 * <p>Hidden columns whose name ends in {@code count} are row counts: never NULL, never negative in a
 * consistent stream table ({@link #negativeCountSql}).
 */
public final class HiddenColumns {

  private static final String TYPES_TABLE = "pg_temp." + Sql.ident("__pgt_state_types");

  private static final String COLUMNS =
      "SELECT a.\"attname\", a.\"atttypid\", pg_catalog.format_type(a.\"atttypid\", a.\"atttypmod\")"
          + " || CASE WHEN a.\"attcollation\" <> 0 AND a.\"attcollation\" <> t.\"typcollation\""
          + " THEN ' COLLATE ' || pg_catalog.quote_ident(cn.\"nspname\") || '.' || pg_catalog.quote_ident(co.\"collname\")"
          + " ELSE '' END"
          + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.\"oid\" = a.\"atttypid\""
          + " LEFT JOIN pg_catalog.pg_collation co ON co.\"oid\" = a.\"attcollation\""
          + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.\"oid\" = co.\"collnamespace\""
          + " WHERE a.\"attrelid\" = ?::pg_catalog.regclass AND a.\"attnum\" > 0 AND NOT a.\"attisdropped\""
          + " ORDER BY a.\"attnum\"";

  private HiddenColumns() {}

  /** Replaces any hidden columns of {@code storageSql} by {@code plan}'s. */
  static void install(Connection connection, String storageSql, DiffPlan plan) throws SQLException {
    install(connection, storageSql, plan.hiddenColumns(), plan.stateQuery());
  }

  /**
   * Replaces any hidden columns of {@code storageSql} by {@code hidden}, typed as {@code stateQuery}
   * (user columns, then the hidden ones) returns them.
   */
  public static void install(Connection connection, String storageSql, List<String> hidden,
      String stateQuery) throws SQLException {
    drop(connection, storageSql);
    if (hidden.isEmpty()) {
      return;
    }
    Map<String, Column> inferred;
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + TYPES_TABLE);
      st.execute("CREATE TEMPORARY TABLE " + TYPES_TABLE + " AS SELECT * FROM (" + stateQuery
          + ") AS q WITH NO DATA");
      inferred = columns(connection, TYPES_TABLE);
      st.execute("DROP TABLE " + TYPES_TABLE);
    }
    List<String> adds = new ArrayList<>();
    for (String name : hidden) {
      Column c = inferred.get(name);
      if (c == null) {
        throw new SQLException("the state query has no column " + name);
      }
      adds.add("ADD COLUMN " + Sql.ident(name) + " " + c.typeName());
    }
    try (Statement st = connection.createStatement()) {
      st.execute("ALTER TABLE " + storageSql + " " + String.join(", ", adds));
    }
  }

  /** Drops every hidden column of stream table {@code pgtId} (back to FULL maintenance). */
  public static void dropAll(Connection connection, long pgtId) throws SQLException {
    String storage;
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT \"storage_relid\"::pg_catalog.regclass::text FROM " + Sql.catalog("pgt_stream_tables")
            + " WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return;
        }
        storage = rs.getString(1);
      }
    }
    drop(connection, storage);
  }

  /** The hidden columns {@code names} of the storage, in that order, with their storage types. */
  public static List<Column> of(Connection connection, String storageSql, List<String> names) throws SQLException {
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, Column> all = columns(connection, storageSql);
    List<Column> result = new ArrayList<>();
    for (String n : names) {
      Column c = all.get(n);
      if (c == null) {
        throw new SQLException("hidden column " + n + " of " + storageSql + " is missing");
      }
      result.add(new Column(c.name(), c.typeOid(), c.typeName().replaceAll(" COLLATE .*$", "")));
    }
    return result;
  }

  /**
   * A boolean SQL expression over a materialised delta: true when a new row (weight &gt; 0) has a NULL
   * or negative count, i.e. the delta does not fit the stored state.
   */
  public static String negativeCountSql(String delta, List<String> hidden) {
    List<String> bad = new ArrayList<>();
    for (String h : hidden) {
      if (h.endsWith("count")) {
        bad.add("d." + Sql.ident(h) + " IS NULL OR d." + Sql.ident(h) + " < 0");
      }
    }
    return bad.isEmpty() ? "false" : "EXISTS (SELECT 1 FROM " + delta + " d WHERE d."
        + Sql.ident(DeltaMaterializer.WEIGHT) + " > 0 AND (" + String.join(" OR ", bad) + "))";
  }

  private static void drop(Connection connection, String storageSql) throws SQLException {
    List<String> drops = new ArrayList<>();
    for (String name : columns(connection, storageSql).keySet()) {
      if (name.startsWith(CreateHandler.RESERVED_PREFIX)) {
        drops.add("DROP COLUMN " + Sql.ident(name));
      }
    }
    if (!drops.isEmpty()) {
      try (Statement st = connection.createStatement()) {
        st.execute("ALTER TABLE " + storageSql + " " + String.join(", ", drops));
      }
    }
  }

  /** Name → column (type with collation when not the type's default) of a relation, in order. */
  private static Map<String, Column> columns(Connection connection, String relationSql) throws SQLException {
    Map<String, Column> result = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
      ps.setString(1, relationSql);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1), new Column(rs.getString(1), rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return result;
  }
}
