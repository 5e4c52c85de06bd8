package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.catalog.Dependency;
import io.pgtrickle.refresh.ddl.Column;
import io.pgtrickle.refresh.ddl.DefinitionView;
import io.pgtrickle.refresh.diff.ApplyIndex;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.HiddenColumns;
import io.pgtrickle.refresh.diff.RowMatch;
import io.pgtrickle.refresh.full.FullRefresher;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.refresh.sql.SqlStates;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Switches a stream table into and out of IMMEDIATE maintenance (CREATE, ALTER … refresh_mode, DROP),
 * in the caller's transaction: plan ({@link ImmediatePlanner}), hidden state columns of a stateful
 * root ({@link HiddenColumns}, as differential mode keeps them: aggregates then maintain algebraically
 * instead of rescanning groups), a probe that PostgreSQL can plan the apply statement, the catalog
 * ({@link ImmediateState}), the row-identity index ({@link ApplyIndex}), for keyed results the key
 * index ({@link KeyIndex}), and the generated functions and triggers ({@link TriggerProgram}, {@link ImmediateTriggers}). The
 * caller populates or refreshes the table afterwards, in the same transaction.
 *
 * <p>A query IMMEDIATE cannot maintain is SQLSTATE 0A000 naming the construct, and the statement is
 * undone (nothing is left behind). Set-up runs only in READ COMMITTED transactions: the population that
 * follows must see every write committed before the triggers were installed.
 */
public final class ImmediateSetup {

  private static final Logger LOG = System.getLogger(ImmediateSetup.class.getName());

  private ImmediateSetup() {}

  /** The stream table being set up. */
  public record Target(long pgtId, String schema, String name, long storageRelid,
      long definitionViewOid, String definitionViewSql, String query, List<Dependency> dependencies) {

    String storageSql() {
      return Sql.qualified(schema, name);
    }

    String displayName() {
      return schema + "." + name;
    }
  }

  /** Sets up IMMEDIATE maintenance, or throws 0A000 naming why it cannot. */
  public static void setUp(Connection connection, Target target) throws SQLException {
    if (!readCommitted(connection)) {
      throw refused("IMMEDIATE maintenance is set up only in READ COMMITTED transactions (the"
          + " population must see every write committed before the triggers exist)");
    }
    ImmediatePlanner.Result result = ImmediatePlanner.plan(connection, target.pgtId(), target.query(),
        target.definitionViewOid(), target.storageSql(), target.dependencies());
    if (result.plan() == null) {
      throw refused(result.unsupported());
    }
    ImmediatePlan plan = result.plan();
    HiddenColumns.install(connection, target.storageSql(), plan.hiddenColumns(), plan.stateQuery());
    List<Column> columns = storedColumns(connection, target, plan);
    columns.addAll(HiddenColumns.of(connection, target.storageSql(), plan.hiddenColumns()));
    RowMatch identity = RowMatch.on(connection, ApplyIndex.matchColumns(columns, plan.rowKey()));
    String apply = ApplySql.statement(target.storageSql(), plan.deltaQuery(), columns, plan.rowKey(),
        identity, plan.hiddenColumns());
    probe(connection, target, plan, apply);
    ImmediateState.store(connection, target.pgtId(), plan);
    ApplyIndex.create(connection, target.pgtId(), target.schema(), target.storageSql(), identity);
    KeyIndex.create(connection, target.pgtId(), target.schema(), target.storageSql(),
        plan.rowKey().isEmpty() ? List.of() : ApplyIndex.matchColumns(columns, plan.rowKey()));
    TriggerProgram program = new TriggerProgram(target.pgtId(), plan, apply,
        recompute(connection, target, columns, plan), target.displayName(), target.definitionViewOid(),
        PinnedSearchPath.of(connection));
    ImmediateTriggers.install(connection, target.pgtId(), plan, program);
    LOG.log(Level.DEBUG, "{0} is maintained IMMEDIATE", target.displayName());
  }

  /** Back to FULL: drops the triggers, functions, hidden state columns, index and lock row. */
  public static void tearDown(Connection connection, long pgtId, String schema) throws SQLException {
    ImmediateTriggers.remove(connection, pgtId);
    HiddenColumns.dropAll(connection, pgtId);
    ApplyIndex.drop(connection, pgtId, schema);
    KeyIndex.drop(connection, pgtId, schema);
    ImmediateState.remove(connection, pgtId);
    DiffState.storeFull(connection, pgtId, null);
  }

  /** Removes the triggers and functions of a stream table being dropped (the rest goes with it). */
  public static void dropped(Connection connection, long pgtId) throws SQLException {
    ImmediateTriggers.remove(connection, pgtId);
  }

  /**
   * Takes the maintenance lock of an IMMEDIATE stream table before writing it outside the triggers
   * (REFRESH): waits until no writer's transaction maintains it.
   */
  public static void lock(Connection connection, long pgtId) throws SQLException {
    ImmediateState.lock(connection, pgtId);
  }

  private static SQLException refused(String reason) {
    return SqlStates.error(SqlStates.FEATURE_NOT_SUPPORTED,
        "refresh_mode 'immediate' cannot maintain this query: " + reason, null,
        "Use pgtrickle.refresh_mode = 'auto', 'differential' or 'full'.");
  }

  /** The stored columns the delta query produces, in its order, with their stored types. */
  private static List<Column> storedColumns(Connection connection, Target target, ImmediatePlan plan)
      throws SQLException {
    Map<String, Column> stored = DefinitionView.columns(connection, target.storageRelid()).stream()
        .collect(Collectors.toMap(Column::name, Function.identity()));
    List<Column> result = new ArrayList<>();
    for (String name : plan.outputColumns()) {
      Column c = stored.get(name);
      if (c == null) {
        throw refused("the delta query produces column \"" + name + "\" that the stream table lacks");
      }
      result.add(c);
    }
    return result;
  }

  /**
   * PL/pgSQL statements that recompute the stored rows: from the definition view, or with hidden
   * state from the state query (user then hidden columns, each cast to its stored type).
   */
  private static String recompute(Connection connection, Target target, List<Column> columns,
      ImmediatePlan plan) throws SQLException {
    String insert;
    if (plan.stateQuery() != null) {
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (Column c : columns) {
        names.add(Sql.ident(c.name()));
        values.add("(q." + Sql.ident(c.name()) + ")::" + c.typeName());
      }
      insert = "INSERT INTO " + target.storageSql() + " (" + String.join(", ", names) + ") SELECT "
          + String.join(", ", values) + " FROM (" + plan.stateQuery() + ") AS q";
    } else {
      List<String> names = DefinitionView.columns(connection, target.definitionViewOid()).stream()
          .map(Column::name).toList();
      insert = names.isEmpty()
          ? "INSERT INTO " + target.storageSql() + " SELECT FROM " + target.definitionViewSql()
          : "INSERT INTO " + target.storageSql() + " (" + Sql.identList(names) + ") SELECT "
              + Sql.identList(names) + " FROM " + target.definitionViewSql();
    }
    return "DELETE FROM ONLY " + target.storageSql() + ";\n" + insert + ";";
  }

  /**
   * How a FULL refresh (REFRESH, the population at CREATE or ALTER) computes the rows of an IMMEDIATE
   * stream table that keeps hidden state columns: from the stored state query; empty when it keeps
   * none (the definition view then suffices).
   */
  public static Optional<FullRefresher.StateSource> fullSource(Connection connection, long pgtId,
      String storageSql) throws SQLException {
    Optional<ImmediateState.Hidden> hidden = ImmediateState.hidden(connection, pgtId);
    if (hidden.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FullRefresher.StateSource(hidden.get().stateQuery(),
        HiddenColumns.of(connection, storageSql, hidden.get().columns())));
  }

  /**
   * Lets PostgreSQL plan the apply statement once (EXPLAIN, under a savepoint, with this session's
   * buffers created): a delta PostgreSQL cannot run must be refused now, not in a writer's trigger.
   */
  private static void probe(Connection connection, Target target, ImmediatePlan plan, String apply)
      throws SQLException {
    StringBuilder ensure = new StringBuilder("DO $pgt$ BEGIN\n");
    for (ImmediatePlan.Source s : plan.sources()) {
      ensure.append(ChangeBuffers.ensure(target.pgtId(), s)).append('\n');
    }
    ensure.append("END $pgt$");
    try (Statement st = connection.createStatement()) {
      st.execute("SAVEPOINT \"pgtrickle_probe\"");
      try {
        st.execute(ensure.toString());
        st.execute("EXPLAIN " + apply);
      } catch (SQLException e) {
        st.execute("ROLLBACK TO SAVEPOINT \"pgtrickle_probe\"");
        st.execute("RELEASE SAVEPOINT \"pgtrickle_probe\"");
        LOG.log(Level.WARNING, "the IMMEDIATE apply statement of " + target.displayName()
            + " does not plan", e);
        throw refused("PostgreSQL cannot run the delta query: " + e.getMessage());
      }
      st.execute("RELEASE SAVEPOINT \"pgtrickle_probe\"");
    }
  }

  private static boolean readCommitted(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('transaction_isolation')")) {
      rs.next();
      return "read committed".equals(rs.getString(1));
    }
  }
}
