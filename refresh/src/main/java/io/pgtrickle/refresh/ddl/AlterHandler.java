package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.DdlOutcome;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.catalog.Relation;
import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.DifferentialSetup;
import io.pgtrickle.refresh.full.RefreshExecutor;
import io.pgtrickle.refresh.immediate.ImmediateSetup;
import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.HistoryRecorder.Initiator;
import io.pgtrickle.refresh.option.ModePolicy;
import io.pgtrickle.refresh.option.OptionValidator;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.option.StreamOptions;
import io.pgtrickle.refresh.option.StreamStatus;
import io.pgtrickle.refresh.sql.TransactionScope;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ALTER MATERIALIZED VIEW [IF EXISTS] name SET (…) | RESET (…)}: validates the
 * {@code pgtrickle.*} items (22023; {@code pgtrickle.stream} is 0A000), stores them (RESET = default),
 * recomputes the effective mode and applies ordinary storage parameters with {@code ALTER TABLE …
 * SET/RESET}. A missing name is 42P01 (a NOTICE with IF EXISTS); a relation that is not a stream table
 * is 42809 when {@code pgtrickle.*} options are given, else the statement goes to PostgreSQL.
 * {@code pgtrickle.status} is the stream table's state rather than an option: {@code active} resumes a
 * suspended stream table (failure count and backoff cleared), {@code suspended} stops scheduled
 * refreshes; RESET means active.
 */
public final class AlterHandler implements CommandHandler {

  private static final Logger LOG = System.getLogger(AlterHandler.class.getName());

  private final AlterStreamTable command;

  public AlterHandler(AlterStreamTable command) {
    this.command = command;
  }

  @Override
  public void validate() throws SQLException {
    StreamOptions options =
        OptionValidator.forAlter(StreamOptions.defaults(), command.setOptions(), command.resetOptions());
    boolean setsMode =
        command.setOptions().stream().anyMatch(o -> o.name().equalsIgnoreCase("refresh_mode"));
    if (setsMode) {
      ModePolicy.effectiveMode(options.refreshMode());
    }
  }

  @Override
  public DdlOutcome handle(Connection connection, TransactionScope scope) throws SQLException {
    Optional<Relation> relation = RelationResolver.resolve(connection, command.name());
    if (relation.isEmpty()) {
      if (command.ifExists()) {
        return new DdlOutcome(0, List.of(Messages.relationDoesNotExistSkipping(command.name())));
      }
      throw Messages.relationDoesNotExist(command.name());
    }
    Optional<StreamTableRow> row = StreamTableCatalog.lockByRelid(connection, relation.get().oid());
    boolean hasPgtrickleOptions =
        !command.setOptions().isEmpty() || !command.resetOptions().isEmpty();
    if (row.isEmpty()) {
      if (RelationResolver.byOid(connection, relation.get().oid()).isEmpty()) {
        throw Messages.relationDoesNotExist(command.name()); // dropped while we waited for the lock
      }
      if (hasPgtrickleOptions) {
        throw Messages.notAStreamTable(relation.get().name());
      }
      alterStorage(connection, "ALTER MATERIALIZED VIEW " + relation.get().sql());
      return DdlOutcome.of(0);
    }
    StreamTableRow st = row.get();
    List<SQLWarning> warnings = new ArrayList<>();
    if (hasPgtrickleOptions) {
      StreamOptions options =
          OptionValidator.forAlter(st.options(), command.setOptions(), command.resetOptions());
      ModePolicy.effectiveMode(options.refreshMode());
      StreamTableCatalog.updateOptions(connection, st.pgtId(), options, st.effectiveMode());
      switchMode(connection, st, options).ifPresent(warnings::add);
      Optional<StreamStatus> status =
          OptionValidator.requestedStatus(command.setOptions(), command.resetOptions());
      if (status.isPresent()) {
        StreamTableCatalog.setStatus(connection, st.pgtId(), status.get().sqlName());
      }
      LOG.log(Level.DEBUG, "altered {0}: {1}", st.displayName(), options);
    }
    alterStorage(connection, "ALTER TABLE " + st.storageSql());
    return new DdlOutcome(0, warnings);
  }

  /**
   * full → differential/auto: installs differential maintenance (the next refresh is FULL and takes
   * the first frontier); differential → full: releases capture no other stream table needs.
   */
  private static Optional<SQLWarning> switchMode(
      Connection connection, StreamTableRow st, StreamOptions options) throws SQLException {
    boolean immediateNow = st.effectiveMode() == RefreshMode.IMMEDIATE;
    if (ModePolicy.wantsImmediate(options.refreshMode())) {
      if (!immediateNow) {
        toImmediate(connection, st);
      }
      return Optional.empty();
    }
    if (immediateNow) {
      ImmediateSetup.tearDown(connection, st.pgtId(), st.schema());
    }
    boolean wants = ModePolicy.wantsDifferential(options.refreshMode());
    boolean is = st.effectiveMode() == RefreshMode.DIFFERENTIAL;
    if (wants && !is) {
      return DifferentialSetup.setUp(connection,
          new DifferentialSetup.Target(st.pgtId(), st.schema(), st.name(), st.definitionViewRelid(),
              definingQuery(connection, st.pgtId()),
              StreamTableCatalog.dependencies(connection, st.pgtId()), options.refreshMode(),
              options.cdcMode()));
    }
    if (!wants && is) {
      DifferentialSetup.tearDown(connection, st.pgtId(), st.schema());
    } else if (!wants) {
      DiffState.storeFull(connection, st.pgtId(), null);
    }
    return Optional.empty();
  }

  /**
   * → immediate: installs the triggers (which lock the sources until commit) and, when the table is
   * populated, brings it up to date with a FULL refresh in the same transaction, so that the triggers
   * start from a result equal to the query.
   */
  private static void toImmediate(Connection connection, StreamTableRow st) throws SQLException {
    if (st.effectiveMode() == RefreshMode.DIFFERENTIAL) {
      DifferentialSetup.tearDown(connection, st.pgtId(), st.schema());
    }
    ImmediateSetup.setUp(connection, new ImmediateSetup.Target(st.pgtId(), st.schema(), st.name(),
        st.storageRelid(), st.definitionViewRelid(), st.definitionViewSql(),
        definingQuery(connection, st.pgtId()), StreamTableCatalog.dependencies(connection, st.pgtId())));
    StreamTableRow now = StreamTableCatalog.lockByRelid(connection, st.storageRelid())
        .orElseThrow(() -> new SQLException("catalog row of " + st.displayName() + " vanished"));
    if (now.populated()) {
      RefreshExecutor.refresh(connection, now, true, Initiator.ALTER, HistoryRecorder.clock(connection));
    }
  }

  private static String definingQuery(Connection connection, long pgtId) throws SQLException {
    try (java.sql.PreparedStatement ps =
        connection.prepareStatement(
            "SELECT \"defining_query\" FROM \"pgtrickle\".\"pgt_stream_tables\" WHERE \"pgt_id\" = ?")) {
      ps.setLong(1, pgtId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void alterStorage(Connection connection, String alterPrefix) throws SQLException {
    try (Statement st = connection.createStatement()) {
      if (!command.setStorage().isEmpty()) {
        st.execute(alterPrefix + " SET ("
            + command.setStorage().stream().map(OptionSetting::toSql)
                .collect(Collectors.joining(", ")) + ")");
      }
      if (!command.resetStorage().isEmpty()) {
        st.execute(alterPrefix + " RESET (" + String.join(", ", command.resetStorage()) + ")");
      }
    }
  }
}
