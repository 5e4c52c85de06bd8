package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.catalog.Dependency;
import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.ddl.DefinitionView;
import io.pgtrickle.refresh.option.CdcMode;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.refresh.sql.SqlStates;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Switches a stream table into and out of differential maintenance (CREATE, ALTER … refresh_mode):
 * plan ({@link DifferentialPlanner}), capture ({@link CaptureRegistry}), hidden state columns
 * ({@link HiddenColumns}), catalog ({@link DiffState}), apply index ({@link ApplyIndex}). The frontier is left empty: the next refresh (at CREATE the
 * population itself) is FULL and takes the first frontier in its own statement.
 *
 * <p>Refusals: with {@code refresh_mode = 'differential'} SQLSTATE 0A000 naming the reason (the
 * statement is undone, nothing is left behind); with {@code auto} FULL maintenance, the reason in
 * {@code fallback_reason} and a {@link SQLWarning} with SQLSTATE {@value #FALLBACK_SQLSTATE}.
 */
public final class DifferentialSetup {

  private static final Logger LOG = System.getLogger(DifferentialSetup.class.getName());

  /** SQLSTATE of the warning for an AUTO stream table that runs FULL (01000, "warning"). */
  public static final String FALLBACK_SQLSTATE = "01000";

  private DifferentialSetup() {}

  /** The stream table being set up. */
  public record Target(long pgtId, String schema, String name, long definitionViewOid, String query,
      List<Dependency> dependencies, RefreshMode requested, CdcMode cdcMode) {

    String storageSql() {
      return Sql.qualified(schema, name);
    }
  }

  /**
   * Sets up differential maintenance when it is possible; otherwise throws 0A000 for
   * {@code differential}, or records FULL and returns the warning for {@code auto}.
   */
  public static Optional<SQLWarning> setUp(Connection connection, Target target) throws SQLException {
    Verdict verdict = verdict(connection, target);
    if (verdict instanceof Verdict.Differential differential) {
      CaptureRegistry.install(connection, target.pgtId(), differential.plan());
      verdict = probe(connection, target, differential);
      if (verdict instanceof Verdict.Unsupported) {
        CaptureRegistry.release(connection, target.pgtId());
      }
    }
    if (verdict instanceof Verdict.Unsupported unsupported) {
      if (target.requested() == RefreshMode.DIFFERENTIAL) {
        throw SqlStates.error(SqlStates.FEATURE_NOT_SUPPORTED,
            "refresh_mode 'differential' cannot maintain this query: " + unsupported.reason(), null,
            "Use pgtrickle.refresh_mode = 'auto' (falls back to full) or 'full'.");
      }
      DiffState.storeFull(connection, target.pgtId(), unsupported.reason());
      LOG.log(Level.INFO, "{0}.{1} is maintained FULL: {2}", target.schema(), target.name(),
          unsupported.reason());
      return Optional.of(new SQLWarning(
          "stream table \"" + target.name() + "\" is refreshed in full mode: " + unsupported.reason(),
          FALLBACK_SQLSTATE));
    }
    DiffPlan plan = ((Verdict.Differential) verdict).plan();
    DiffState.storePlan(connection, target.pgtId(), plan);
    DiffState.storeFrontier(connection, target.pgtId(), null);
    List<Column> columns = DefinitionView.columns(connection, target.definitionViewOid());
    RowMatch match = RowMatch.on(connection, ApplyIndex.matchColumns(columns, plan.rowKey()));
    ApplyIndex.create(connection, target.pgtId(), target.schema(), target.storageSql(), match);
    LOG.log(Level.DEBUG, "{0}.{1} is maintained differentially", target.schema(), target.name());
    return Optional.empty();
  }

  /** Back to FULL: releases capture no other stream table needs, drops hidden columns and the apply index. */
  public static void tearDown(Connection connection, long pgtId, String schema) throws SQLException {
    CaptureRegistry.release(connection, pgtId);
    HiddenColumns.dropAll(connection, pgtId);
    ApplyIndex.drop(connection, pgtId, schema);
    DiffState.storeFull(connection, pgtId, null);
  }

  /** Releases what differential maintenance installed for a stream table being dropped. */
  public static void dropped(Connection connection, long pgtId) throws SQLException {
    CaptureRegistry.release(connection, pgtId);
  }

  private static Verdict verdict(Connection connection, Target target) throws SQLException {
    if (target.cdcMode() == CdcMode.WAL) {
      return new Verdict.Unsupported("cdc_mode 'wal' is not supported yet");
    }
    if (!WindowSnapshot.readCommitted(connection)) {
      return new Verdict.Unsupported(
          "differential maintenance is set up only in READ COMMITTED transactions (the first"
              + " frontier must be taken after the capture is installed)");
    }
    return DifferentialPlanner.plan(connection, target.query(), target.definitionViewOid(),
        target.storageSql(), target.dependencies());
  }

  /**
   * Adds the plan's hidden state columns ({@link HiddenColumns}) and lets PostgreSQL plan the delta
   * statement once ({@code EXPLAIN}), under a savepoint: a delta or state query PostgreSQL cannot run
   * (say, grouping a json column) must fail safe to FULL now, not at refresh; the savepoint also
   * takes the hidden columns away again.
   */
  private static Verdict probe(Connection connection, Target target, Verdict.Differential verdict)
      throws SQLException {
    DiffPlan plan = verdict.plan();
    List<Column> columns = new ArrayList<>(DefinitionView.columns(connection, target.definitionViewOid()));
    try (Statement st = connection.createStatement()) {
      st.execute("SAVEPOINT \"pgtrickle_probe\"");
      try {
        HiddenColumns.install(connection, target.storageSql(), plan);
        columns.addAll(HiddenColumns.of(connection, target.storageSql(), plan.hiddenColumns()));
        String statement = DeltaMaterializer.statement(DeltaMaterializer.tableName(target.pgtId()),
            plan.deltaQuery(), columns, "pg_catalog.pg_current_snapshot()", null, WindowSnapshot.OWN_INVISIBLE,
            plan.sources().stream().map(DiffPlan.SourceColumns::oid).toList());
        st.execute("EXPLAIN " + statement);
      } catch (SQLException e) {
        st.execute("ROLLBACK TO SAVEPOINT \"pgtrickle_probe\"");
        st.execute("RELEASE SAVEPOINT \"pgtrickle_probe\"");
        LOG.log(Level.WARNING, "the delta query of " + target.name() + " does not plan", e);
        return new Verdict.Unsupported("PostgreSQL cannot run the delta query: " + e.getMessage());
      }
      st.execute("RELEASE SAVEPOINT \"pgtrickle_probe\"");
    }
    return verdict;
  }
}
