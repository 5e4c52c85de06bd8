package io.pgtrickle.refresh;

import io.pgtrickle.refresh.action.PendingActions;
import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.DropStreamTables;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import io.pgtrickle.refresh.api.StreamTableCommand;
import io.pgtrickle.refresh.api.StreamTableEngine;
import io.pgtrickle.refresh.catalog.CatalogState;
import io.pgtrickle.refresh.ddl.AlterHandler;
import io.pgtrickle.refresh.ddl.CommandHandler;
import io.pgtrickle.refresh.ddl.CreateHandler;
import io.pgtrickle.refresh.ddl.DropHandler;
import io.pgtrickle.refresh.ddl.RefreshHandler;
import io.pgtrickle.refresh.ddl.source.SourceDdl;
import io.pgtrickle.refresh.sql.SqlStates;
import io.pgtrickle.refresh.sql.TransactionScope;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;

/**
 * The engine: routes each command to its handler inside a {@link TransactionScope}, after making sure
 * the catalog is current ({@link CatalogState}). Registered for {@link java.util.ServiceLoader}. This
 * milestone maintains every stream table in FULL mode. Thread-safe; one instance serves every
 * connection of the JVM.
 */
public final class PgTrickleEngine implements StreamTableEngine {

  private static final Logger LOG = System.getLogger(PgTrickleEngine.class.getName());

  private static final CatalogState SHARED_CATALOG_STATE = new CatalogState();

  private final CatalogState catalogState;

  /** The ServiceLoader constructor: shares the JVM-wide catalog cache. */
  public PgTrickleEngine() {
    this(SHARED_CATALOG_STATE);
  }

  /** An engine with its own catalog cache (tests). */
  public PgTrickleEngine(CatalogState catalogState) {
    this.catalogState = Objects.requireNonNull(catalogState, "catalogState");
  }

  @Override
  public DdlOutcome execute(Connection connection, StreamTableCommand command) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    CommandHandler handler = handlerFor(Objects.requireNonNull(command, "command"));
    handler.validate();
    try {
      return runOnce(connection, handler);
    } catch (SQLException first) {
      boolean missingObject =
          SqlStates.UNDEFINED_TABLE.equals(first.getSQLState())
              || SqlStates.INVALID_SCHEMA_NAME.equals(first.getSQLState());
      if (missingObject && catalogState.recheck(connection)) {
        LOG.log(Level.INFO, "pgtrickle catalog is missing or out of date; installing it and retrying");
        try {
          return runOnce(connection, handler);
        } catch (SQLException second) {
          handler.afterFailure(connection, second);
          throw second;
        }
      }
      handler.afterFailure(connection, first);
      throw first;
    }
  }

  @Override
  public DdlOutcome sourcesAltered(Connection connection) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    if (!SourceDdl.catalogPresent(connection)) {
      return DdlOutcome.of(0);
    }
    return TransactionScope.run(connection,
        () -> new DdlOutcome(0, SourceDdl.afterSourceDdl(connection)));
  }

  private DdlOutcome runOnce(Connection connection, CommandHandler handler) throws SQLException {
    return TransactionScope.run(
        connection,
        scope -> {
          catalogState.ensureCurrent(connection);
          return handler.handle(connection, scope);
        });
  }

  private static CommandHandler handlerFor(StreamTableCommand command) {
    if (command instanceof CreateStreamTable create) {
      return new CreateHandler(create);
    }
    if (command instanceof RefreshStreamTable refresh) {
      return new RefreshHandler(refresh);
    }
    if (command instanceof AlterStreamTable alter) {
      return new AlterHandler(alter);
    }
    return new DropHandler((DropStreamTables) command);
  }

  @Override
  public int runPostRefreshActions(Connection connection, Collection<Long> storageRelids)
      throws SQLException {
    Objects.requireNonNull(storageRelids, "storageRelids");
    return storageRelids.isEmpty() ? 0 : PendingActions.runPending(connection, storageRelids);
  }

  /**
   * One query that touches only pg_catalog (a second one, against the catalog, only when the name is
   * an ordinary table and the catalog exists); once this JVM has seen the catalog current, and the
   * query runs as its own transaction, a single query against the catalog. Never writes, never fails
   * for a missing catalog.
   */
  @Override
  public boolean isStreamTable(Connection connection, QualifiedName name) throws SQLException {
    Objects.requireNonNull(name, "name");
    if (catalogState.knownCurrent(connection) && TransactionScope.ownTransactionNow(connection)) {
      // the usual case, one query: the catalog exists, and if it was dropped since, the failed
      // statement was a transaction of its own and the two queries below answer
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT EXISTS (SELECT 1 FROM \"pgtrickle\".\"pgt_stream_tables\""
              + " WHERE \"storage_relid\" = pg_catalog.to_regclass(?))")) {
        ps.setString(1, name.toSql());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getBoolean(1);
        }
      } catch (SQLException e) {
        if (!SqlStates.UNDEFINED_TABLE.equals(e.getSQLState())
            && !SqlStates.INVALID_SCHEMA_NAME.equals(e.getSQLState())) {
          throw e;
        }
      }
    }
    long relid;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT pg_catalog.to_regclass('\"pgtrickle\".\"pgt_stream_tables\"') IS NOT NULL,"
                + " c.\"oid\", c.\"relkind\" FROM (SELECT pg_catalog.to_regclass(?) AS r) x"
                + " LEFT JOIN pg_catalog.pg_class c ON c.\"oid\" = x.r")) {
      ps.setString(1, name.toSql());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        boolean hasCatalog = rs.getBoolean(1);
        relid = rs.getLong(2);
        if (!hasCatalog || rs.wasNull() || !"r".equals(rs.getString(3))) {
          return false;
        }
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM \"pgtrickle\".\"pgt_stream_tables\""
                + " WHERE \"storage_relid\" = ?::oid)")) {
      ps.setLong(1, relid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
