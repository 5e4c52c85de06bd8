package io.pgtrickle.refresh.ddl.source;

import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored source signatures ({@code pgt_dependencies.source_signature}, catalog V6) and the one
 * query that compares them with {@code pgtrickle.source_signature()} now: a difference means a source
 * was renamed, had a used or key column renamed, retyped or dropped, or was dropped, since the stream
 * table was created or last rebuilt.
 */
public final class SourceSignatures {

  private static final String DEPENDENCIES = Sql.catalog("pgt_dependencies");
  private static final String TABLE = Sql.catalog("pgt_stream_tables");
  private static final String SIGNATURE =
      Sql.catalog("source_signature") + "(st.\"definition_view_relid\", d.\"source_relid\")";

  private static final String CHANGED =
      "SELECT d.\"pgt_id\", d.\"source_relid\", d.\"source_signature\", x.\"now\","
          + " EXISTS (SELECT 1 FROM pg_catalog.pg_class v WHERE v.\"oid\" = st.\"definition_view_relid\")"
          + " FROM " + DEPENDENCIES + " d JOIN " + TABLE + " st ON st.\"pgt_id\" = d.\"pgt_id\""
          + " CROSS JOIN LATERAL (SELECT " + SIGNATURE + " AS \"now\") x"
          + " WHERE d.\"source_signature\" IS DISTINCT FROM x.\"now\"";

  private SourceSignatures() {}

  /**
   * A boolean SQL expression over a catalog row aliased {@code alias}: no source of that stream table
   * has changed (what {@link #changed} returns empty for), so that a statement that claims the row can
   * also tell whether {@link SourceDdl#beforeRefresh} has anything to do.
   */
  public static String unchangedExpression(String alias) {
    return "NOT EXISTS (SELECT 1 FROM " + DEPENDENCIES + " d WHERE d.\"pgt_id\" = " + alias + ".\"pgt_id\""
        + " AND d.\"source_signature\" IS DISTINCT FROM " + Sql.catalog("source_signature") + "("
        + alias + ".\"definition_view_relid\", d.\"source_relid\"))";
  }

  /** Stores the current signature of every source of {@code pgtId}. */
  public static void store(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + DEPENDENCIES + " d SET \"source_signature\" = " + SIGNATURE
                + " FROM " + TABLE + " st WHERE st.\"pgt_id\" = d.\"pgt_id\" AND d.\"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      ps.executeUpdate();
    }
  }

  /** The changed sources of one stream table (one query; usually none). */
  public static List<SourceChange> changed(Connection connection, long pgtId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(CHANGED + " AND d.\"pgt_id\" = ? ORDER BY 2")) {
      ps.setLong(1, pgtId);
      return read(ps);
    }
  }

  /** The changed sources of every stream table, by stream table id and source. */
  public static List<SourceChange> changedAnywhere(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(CHANGED + " ORDER BY 1, 2")) {
      return read(ps);
    }
  }

  private static List<SourceChange> read(PreparedStatement ps) throws SQLException {
    List<SourceChange> result = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.add(new SourceChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5)));
      }
    }
    return result;
  }
}
