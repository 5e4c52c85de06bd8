package io.pgtrickle.refresh.ddl.source;

import io.pgtrickle.refresh.catalog.Dependency;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.DependencyReader;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.DifferentialSetup;
import io.pgtrickle.refresh.immediate.ImmediateSetup;
import io.pgtrickle.refresh.option.ModePolicy;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.refresh.sql.SqlStates;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds one stream table after a source changed, in the caller's transaction, with its catalog
 * row locked, in two steps ({@link #tearDown}, then {@link #setUpAgain}): the definition is read back from the definition view ({@code pg_get_viewdef}, which
 * follows renames because PostgreSQL pins sources by OID), the dependencies get the sources' current
 * names, the maintenance of the effective mode is torn down (capture, hidden columns, IMMEDIATE
 * triggers) and set up again for the requested mode from the new definition (analysis, delta
 * planning, capture, triggers), and the new signatures are stored. A differential stream table then
 * has no frontier, so its next refresh is FULL and takes a new one; the caller refreshes.
 *
 * <p>Every consumer of a changed source is rebuilt together ({@link SourceDdl}): the change buffer of a
 * source is shared, and it is only released and created anew once no consumer has the old
 * column names recorded.
 */
final class SourceRebuild {

  private static final Logger LOG = System.getLogger(SourceRebuild.class.getName());

  private SourceRebuild() {}

  /**
   * Sets {@code st} up again after {@link #tearDown} (of it and of every other consumer of its
   * changed sources); returns warnings (an {@code auto} stream table that now runs FULL).
   *
   * @param why the change in words, for messages
   * @throws SQLException the set-up's error (0A000 for a requested mode that cannot maintain the new
   *     definition), 55000 when the definition view is gone
   */
  static List<SQLWarning> setUpAgain(Connection connection, StreamTableRow st, String why)
      throws SQLException {
    String query = definition(connection, st)
        .orElseThrow(() -> definitionGone(st, why));
    updateDependencyNames(connection, st.pgtId(), st.definitionViewRelid());
    storeDefiningQuery(connection, st.pgtId(), query);
    List<Dependency> dependencies = StreamTableCatalog.dependencies(connection, st.pgtId());
    List<SQLWarning> warnings = new ArrayList<>();
    RefreshMode requested = st.options().refreshMode();
    if (ModePolicy.wantsImmediate(requested)) {
      ImmediateSetup.setUp(connection, new ImmediateSetup.Target(st.pgtId(), st.schema(), st.name(),
          st.storageRelid(), st.definitionViewRelid(), st.definitionViewSql(), query, dependencies));
    } else if (ModePolicy.wantsDifferential(requested)) {
      DifferentialSetup.setUp(connection,
              new DifferentialSetup.Target(st.pgtId(), st.schema(), st.name(),
                  st.definitionViewRelid(), query, dependencies, requested, st.options().cdcMode()))
          .ifPresent(warnings::add);
    }
    SourceSignatures.store(connection, st.pgtId());
    LOG.log(Level.INFO, "rebuilt stream table {0} after {1}", st.displayName(), why);
    return warnings;
  }

  /**
   * Removes the incremental maintenance (capture, hidden columns, IMMEDIATE triggers): the stream
   * table is then maintained FULL, which always runs the definition view and stays correct.
   */
  static void tearDown(Connection connection, StreamTableRow st) throws SQLException {
    if (st.effectiveMode() == RefreshMode.DIFFERENTIAL) {
      DifferentialSetup.tearDown(connection, st.pgtId(), st.schema());
    } else if (st.effectiveMode() == RefreshMode.IMMEDIATE) {
      ImmediateSetup.tearDown(connection, st.pgtId(), st.schema());
    } else {
      DiffState.storeFull(connection, st.pgtId(), null);
    }
  }

  /** 55000: the definition view went with a source dropped with CASCADE. */
  static SQLException definitionGone(StreamTableRow st, String why) {
    return SqlStates.error(SqlStates.OBJECT_NOT_IN_PREREQUISITE_STATE,
        "stream table \"" + st.name() + "\" cannot be refreshed: its defining query is gone (" + why
            + ")",
        "Its definition view " + st.definitionViewSql()
            + " was dropped with a source relation dropped with CASCADE.",
        "Drop the stream table and create it again.");
  }

  /** The query of the definition view as PostgreSQL renders it now, without the final semicolon. */
  private static java.util.Optional<String> definition(Connection connection, StreamTableRow st)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT pg_catalog.pg_get_viewdef(c.\"oid\", true) FROM pg_catalog.pg_class c"
            + " WHERE c.\"oid\" = ?::oid")) {
      ps.setLong(1, st.definitionViewRelid());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        String text = rs.getString(1).strip();
        return java.util.Optional.of(text.endsWith(";") ? text.substring(0, text.length() - 1) : text);
      }
    }
  }

  private static void updateDependencyNames(Connection connection, long pgtId, long viewOid)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "UPDATE " + Sql.catalog("pgt_dependencies") + " SET \"source_schema\" = ?, \"source_name\" = ?"
            + " WHERE \"pgt_id\" = ? AND \"source_relid\" = ?::oid")) {
      for (DependencyReader.Source source : DependencyReader.sources(connection, viewOid)) {
        Dependency d = source.dependency();
        ps.setString(1, d.sourceSchema());
        ps.setString(2, d.sourceName());
        ps.setLong(3, pgtId);
        ps.setLong(4, d.sourceRelid());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void storeDefiningQuery(Connection connection, long pgtId, String query)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "UPDATE " + Sql.catalog("pgt_stream_tables") + " SET \"defining_query\" = ?,"
            + " \"updated_at\" = pg_catalog.now() WHERE \"pgt_id\" = ?")) {
      ps.setString(1, query);
      ps.setLong(2, pgtId);
      ps.executeUpdate();
    }
  }
}
