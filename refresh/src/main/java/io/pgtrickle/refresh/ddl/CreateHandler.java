package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.catalog.Dependency;
import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.catalog.Relation;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.ddl.source.SourceSignatures;
import io.pgtrickle.refresh.diff.DifferentialSetup;
import io.pgtrickle.refresh.full.RefreshExecutor;
import io.pgtrickle.refresh.immediate.ImmediateSetup;
import io.pgtrickle.refresh.option.ModePolicy;
import io.pgtrickle.refresh.option.OptionValidator;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.option.StreamOptions;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.refresh.sql.SqlStates;
import io.pgtrickle.refresh.sql.TransactionScope;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(cols)] WITH (pgtrickle.stream = true, …) AS
 * query [WITH [NO] DATA]}.
 *
 * <ol>
 *   <li>Options are validated before anything reaches the server (22023, 0A000).
 *   <li>The target schema is resolved like PostgreSQL (the given schema, else {@code current_schema()});
 *       an existing relation of that name is 42P07, or a NOTICE with IF NOT EXISTS.
 *   <li>The definition view {@code pgtrickle."__pgt_def_<id>"} is created from the query: PostgreSQL
 *       validates it and its errors propagate unchanged.
 *   <li>The storage table is {@code CREATE TABLE … [WITH (storage params)] AS SELECT * FROM
 *       <definition view> WITH NO DATA}, then the guard trigger, the catalog row and the dependencies
 *       (read from {@code pg_depend}) are written and the table is populated unless {@code WITH NO
 *       DATA}.
 * </ol>
 * The update count is the number of rows populated, like PostgreSQL's {@code SELECT n} tag.
 */
public final class CreateHandler implements CommandHandler {

  private static final Logger LOG = System.getLogger(CreateHandler.class.getName());

  /** Column names with this prefix are reserved for hidden columns of stream tables. */
  public static final String RESERVED_PREFIX = "__pgt_";

  private final CreateStreamTable command;
  private StreamOptions options;
  private RefreshMode effectiveMode;

  public CreateHandler(CreateStreamTable command) {
    this.command = command;
  }

  @Override
  public void validate() throws SQLException {
    options = OptionValidator.forCreate(command.pgtrickleOptions());
    effectiveMode = ModePolicy.effectiveMode(options.refreshMode());
    checkReserved(command.columnNames());
  }

  @Override
  public DdlOutcome handle(Connection connection, TransactionScope scope) throws SQLException {
    String schema = targetSchema(connection);
    String name = command.name().name();
    Optional<Relation> existing = RelationResolver.inSchema(connection, schema, name);
    if (existing.isPresent()) {
      if (command.ifNotExists()) {
        return new DdlOutcome(0, List.of(Messages.alreadyExistsSkipping(name)));
      }
      throw Messages.alreadyExists(name);
    }
    OrphanSweeper.sweepOrphans(connection);

    long pgtId = StreamTableCatalog.nextId(connection);
    String display = schema + "." + name;
    Relation view =
        DefinitionView.create(connection, pgtId, command.columnNames(), command.query(), display);
    List<DependencyReader.Source> sources = DependencyReader.sources(connection, view.oid());
    if (sources.stream().anyMatch(DependencyReader.Source::temporary)) {
      throw DefinitionView.temporarySources();
    }
    checkReserved(
        DefinitionView.columns(connection, view.oid()).stream().map(Column::name).toList());

    Relation storage = createStorage(connection, schema, name, view);
    GuardTrigger.install(connection, storage);
    StreamTableCatalog.insert(connection, pgtId, storage, view, command.originalSql(),
        command.query(), command.columnNames(), options, effectiveMode);
    List<Dependency> dependencies = sources.stream().map(DependencyReader.Source::dependency).toList();
    StreamTableCatalog.insertDependencies(connection, pgtId, dependencies);
    SourceSignatures.store(connection, pgtId);
    List<SQLWarning> warnings = new ArrayList<>();
    if (ModePolicy.wantsDifferential(options.refreshMode())) {
      DifferentialSetup.setUp(connection,
              new DifferentialSetup.Target(pgtId, storage.schema(), storage.name(), view.oid(),
                  command.query(), dependencies, options.refreshMode(), options.cdcMode()))
          .ifPresent(warnings::add);
    }
    if (ModePolicy.wantsImmediate(options.refreshMode())) {
      ImmediateSetup.setUp(connection, new ImmediateSetup.Target(pgtId, storage.schema(),
          storage.name(), storage.oid(), view.oid(), view.sql(), command.query(), dependencies));
    }

    StreamTableRow row =
        StreamTableCatalog.lockByRelid(connection, storage.oid())
            .orElseThrow(() -> new SQLException("catalog row of " + display + " vanished"));
    OffsetDateTime started = HistoryRecorder.clock(connection);
    RefreshExecutor.Result result =
        RefreshExecutor.refresh(connection, row, command.withData(), Initiator.CREATE, started);
    LOG.log(Level.INFO, "created stream table {0} (id {1}, {2} rows, sources {3})", display, pgtId,
        result.counts().rowsInserted(),
        dependencies.stream().map(d -> d.sourceSchema() + "." + d.sourceName())
            .collect(Collectors.joining(", ")));
    return new DdlOutcome(command.withData() ? result.counts().rowsInserted() : 0, warnings);
  }

  private String targetSchema(Connection connection) throws SQLException {
    String schema = command.name().schema();
    if (schema == null) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_catalog.current_schema()")) {
        rs.next();
        schema = rs.getString(1);
      }
      if (schema == null) {
        throw SqlStates.error(SqlStates.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
      }
    }
    if (schema.equals("pg_temp") || schema.startsWith("pg_temp_")) {
      throw SqlStates.error(SqlStates.FEATURE_NOT_SUPPORTED, "stream tables cannot be temporary");
    }
    return schema;
  }

  private Relation createStorage(Connection connection, String schema, String name, Relation view)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE ").append(Sql.qualified(schema, name));
    if (!command.storageParameters().isEmpty()) {
      sql.append(" WITH (")
          .append(command.storageParameters().stream().map(OptionSetting::toSql)
              .collect(Collectors.joining(", ")))
          .append(')');
    }
    sql.append(" AS SELECT * FROM ").append(view.sql()).append(" WITH NO DATA");
    try (Statement st = connection.createStatement()) {
      st.execute(sql.toString());
    }
    return RelationResolver.inSchema(connection, schema, name)
        .orElseThrow(() -> new SQLException("stream table " + schema + "." + name + " vanished"));
  }

  private static void checkReserved(List<String> columnNames) throws SQLException {
    for (String column : columnNames) {
      if (column.startsWith(RESERVED_PREFIX)) {
        throw SqlStates.error(
            SqlStates.RESERVED_NAME,
            "column name \"" + column + "\" is reserved: names starting with " + RESERVED_PREFIX
                + " are used by pgtrickle",
            null,
            "Rename the column with an alias or an explicit column list.");
      }
    }
  }
}
