package io.pgtrickle.jdbc.script;

import io.pgtrickle.jdbc.StreamTableEngines;
import io.pgtrickle.jdbc.ddl.DdlErrors;
import io.pgtrickle.jdbc.ddl.ParsedDdl;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.StreamTableCommand;
import io.pgtrickle.refresh.api.StreamTableEngine;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Decides, for one connection, which SQL strings involve stream tables and hands their stream-table
 * statements to the engine. Everything else is left for PostgreSQL exactly as the application wrote
 * it.
 */
public final class DdlRouter {

  private static final System.Logger LOG = System.getLogger(DdlRouter.class.getName());

  private final Connection postgres;
  private final boolean enabled;

  /** Stream tables (storage relids) refreshed in the open transaction with a post-refresh action. */
  private final Set<Long> pendingActions = new LinkedHashSet<>();

  /**
   * @param postgres the PgJDBC connection (the engine works on it)
   * @param enabled false for {@code pgtrickle.intercept=false}: nothing is ever routed
   */
  public DdlRouter(Connection postgres, boolean enabled) {
    this.postgres = postgres;
    this.enabled = enabled;
  }

  /** The PgJDBC connection underneath. */
  public Connection postgres() {
    return postgres;
  }

  /**
   * The plan for {@code sql}, or null when it certainly contains no stream-table DDL (then it goes to
   * PostgreSQL untouched); see {@link ScriptPlanner}.
   *
   * @throws SQLException 22023 / 0A000 for stream-table DDL that cannot be honoured
   */
  public ScriptPlan plan(String sql) throws SQLException {
    if (!enabled || sql == null
        || !(MaterializedKeyword.mayAppearIn(sql) || MaterializedKeyword.mayAlterSourcesIn(sql))) {
      return null;
    }
    return ScriptPlanner.plan(sql, standardConformingStrings());
  }

  /** Where a SQL string goes: straight to PostgreSQL ({@code sql}) or through a {@code script}. */
  public record Route(String sql, ScriptPlan script) {

    static Route passThrough(String sql) {
      return new Route(sql, null);
    }

    public boolean isScript() {
      return script != null;
    }
  }

  /** {@link #plan} and {@link #route(ScriptPlan)} in one: what to do with {@code sql} right now. */
  public Route route(String sql) throws SQLException {
    ScriptPlan plan = plan(sql);
    return plan == null ? Route.passThrough(sql) : route(plan);
  }

  /** What to do with {@code plan} right now (see {@link #passThroughSql}). */
  public Route route(ScriptPlan plan) throws SQLException {
    String direct = passThroughSql(plan);
    return direct != null ? Route.passThrough(direct) : new Route(null, plan);
  }

  /**
   * Decides now (the catalog may have changed since the plan was made) whether {@code plan} passes
   * through: returns the SQL to send to PostgreSQL as it is, or null when the plan must run as a
   * script with stream-table statements going to the engine.
   */
  public String passThroughSql(ScriptPlan plan) throws SQLException {
    primed = null;
    boolean routed = plan.hasCertainStreamDdl() || anyStreamTableIn(plan);
    if (!routed && plan.hasSourceDdl() && !plan.hasTransactionControl()) {
      routed = true; // source DDL: the engine rebuilds affected stream tables right after it
    }
    if (!routed) {
      return plan.passThroughSql();
    }
    if (plan.sentStatementCount() > 1 && plan.hasTransactionControl()) {
      throw DdlErrors.notSupported(
          "a SQL string with stream-table DDL cannot also hold transaction control statements"
              + " (BEGIN, COMMIT, ROLLBACK, SAVEPOINT …); send them as separate statements");
    }
    return null;
  }

  private boolean anyStreamTableIn(ScriptPlan plan) {
    boolean single = plan.sentStatementCount() == 1;
    for (PlannedStatement statement : plan.statements()) {
      List<QualifiedName> names = null;
      if (statement.ddl() instanceof ParsedDdl.StreamDdlIfStreamTable conditional) {
        names = conditional.names();
      } else if (statement.ddl() instanceof ParsedDdl.UnsupportedOnStreamTable unsupported) {
        names = List.of(unsupported.name());
      }
      if (names != null) {
        boolean answer = askEngine(names);
        if (single) {
          primed = new Primed(names, answer);
        }
        if (answer) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The answer {@link #passThroughSql} got for the names of a plan with a single statement, which the
   * script that runs that plan right afterwards asks again ({@link #anyStreamTable}): nothing ran in
   * between, so the answer is reused once instead of asking the database twice. Every
   * {@link #passThroughSql} forgets it first, so it never outlives the statement it was asked for.
   */
  private Primed primed;

  private record Primed(List<QualifiedName> names, boolean answer) {}

  /**
   * Whether one of {@code names} is a stream table now. When the engine cannot tell (no engine, or
   * the transaction is aborted: 25P02) the answer is false, and PostgreSQL answers the statement.
   */
  boolean anyStreamTable(List<QualifiedName> names) {
    Primed known = primed;
    primed = null;
    if (known != null && known.names().equals(names)) {
      return known.answer();
    }
    return askEngine(names);
  }

  private boolean askEngine(List<QualifiedName> names) {
    try {
      for (QualifiedName name : names) {
        if (StreamTableEngines.get().isStreamTable(postgres, name)) {
          return true;
        }
      }
      return false;
    } catch (SQLException e) {
      LOG.log(
          Level.DEBUG,
          "cannot tell whether {0} are stream tables ({1}: {2}); leaving the statement to PostgreSQL",
          names,
          e.getSQLState(),
          e.getMessage());
      return false;
    }
  }

  /** Runs one stream-table statement through the engine. */
  DdlOutcome execute(StreamTableCommand command) throws SQLException {
    LOG.log(Level.DEBUG, "routing to the pgtrickle engine: {0}", command.getClass().getSimpleName());
    DdlOutcome outcome = StreamTableEngines.get().execute(postgres, command);
    pendingActions.addAll(outcome.pendingActions());
    return outcome;
  }

  /**
   * After a script or batch: when no transaction is open any more (auto-commit), runs the pending
   * post-refresh actions. Had the transaction rolled back, its pending marks are gone from the catalog
   * and nothing runs. Inside an open transaction they wait for {@code commit()}.
   */
  void settlePendingActions() {
    if (pendingActions.isEmpty()) {
      return;
    }
    try {
      if (!transactionIdle()) {
        return;
      }
    } catch (SQLException e) {
      return;
    }
    runPendingActions();
  }

  /**
   * After the connection's transaction committed: runs the post-refresh actions of the stream tables
   * it refreshed. A failure to claim them is logged, not thrown (the refresh did commit); they stay
   * pending in the catalog for the scheduler or the next refresh's runner.
   */
  public void runPendingActions() {
    if (pendingActions.isEmpty()) {
      return;
    }
    List<Long> relids = List.copyOf(pendingActions);
    pendingActions.clear();
    try {
      StreamTableEngines.get().runPostRefreshActions(postgres, relids);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "post-refresh actions left pending (SQLSTATE " + e.getSQLState() + ")", e);
    }
  }

  /** After a rollback: the refreshes (and their pending marks) are gone. */
  public void discardPendingActions() {
    pendingActions.clear();
  }

  private boolean transactionIdle() throws SQLException {
    try {
      return postgres.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    } catch (SQLException notPgJdbc) {
      return postgres.getAutoCommit();
    }
  }

  /** After source DDL: lets the engine rebuild the stream tables whose sources changed. */
  DdlOutcome sourcesAltered() throws SQLException {
    StreamTableEngine engine;
    try {
      engine = StreamTableEngines.get();
    } catch (SQLException noEngine) {
      LOG.log(Level.DEBUG, "no engine to rebuild stream tables after source DDL: {0}",
          noEngine.getMessage());
      return DdlOutcome.of(0); // no engine, no stream tables it could maintain
    }
    return engine.sourcesAltered(postgres);
  }

  /** Whether the connection is in auto-commit mode. */
  boolean autoCommit() throws SQLException {
    return postgres.getAutoCommit();
  }

  private boolean standardConformingStrings() {
    try {
      return postgres.unwrap(BaseConnection.class).getStandardConformingStrings();
    } catch (SQLException notPgJdbc) {
      return true;
    }
  }
}
