package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.BufferStats;
import io.pgtrickle.spi.cdc.CaptureState;
import io.pgtrickle.spi.cdc.CdcBackend;
import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.PgSnapshot;
import io.pgtrickle.spi.cdc.SourceRelation;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Change capture with generated statement-level triggers and transition tables ({@code cdc_mode =
 * trigger}). Stateless: every call reads what it needs from PostgreSQL.
 *
 * <p>Installing or extending a capture takes {@code SHARE ROW EXCLUSIVE} on the source (and its
 * descendants): it waits for the transactions that are writing the source and holds new writers back
 * until the caller commits. Writers that finished before have their changes in no buffer, but they are
 * visible in every snapshot taken after that commit, which is what makes a new consumer's first
 * frontier exact. When nothing has to change, no lock is taken.
 */
public final class TriggerCdcBackend implements CdcBackend {

  /** The {@code cdc_mode} value of this backend. */
  public static final String NAME = "trigger";

  private static final System.Logger LOG = System.getLogger(TriggerCdcBackend.class.getName());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CaptureState ensureCapture(Connection connection, SourceRelation source, Set<String> columns)
      throws SQLException {
    Set<String> requested = Set.copyOf(columns);
    return Transactions.inTransaction(
        connection,
        () -> {
          CapturePlan plan = plan(connection, source.oid(), requested);
          if (isInstalled(connection, plan)) {
            LOG.log(Level.DEBUG, "capture of {0} is up to date", plan.source().qualifiedName());
            return state(plan);
          }
          lockAgainstWriters(connection, plan.source().qualifiedName());
          // Another session may have changed the capture while we waited for the lock.
          CapturePlan locked = plan(connection, source.oid(), requested);
          if (!isInstalled(connection, locked)) {
            install(connection, locked);
          }
          return state(locked);
        });
  }

  @Override
  public Optional<CaptureState> describeCapture(Connection connection, long sourceOid)
      throws SQLException {
    return Transactions.inTransaction(
        connection,
        () -> {
          BufferTable buffer = new BufferTable(sourceOid);
          Optional<Map<String, String>> columns =
              SearchPath.withCatalogOnly(connection, () -> buffer.existingColumns(connection));
          if (columns.isEmpty()) {
            return Optional.empty();
          }
          List<String> captured = List.copyOf(columns.get().keySet());
          List<String> key = List.of();
          if (SourceCatalog.qualifiedName(connection, sourceOid).isPresent()) {
            List<String> liveKey = SourceCatalog.describe(connection, sourceOid).pairingKey();
            key = captured.containsAll(liveKey) ? liveKey : List.of();
          }
          return Optional.of(
              new CaptureState(sourceOid, NAME, buffer.qualifiedName(), captured, key));
        });
  }

  @Override
  public void releaseCapture(Connection connection, SourceRelation source) throws SQLException {
    Transactions.inTransaction(
        connection,
        () -> {
          Optional<String> table = SourceCatalog.qualifiedName(connection, source.oid());
          if (table.isPresent()) {
            lockAgainstWriters(connection, table.get());
          }
          CaptureFunction function = new CaptureFunction(source.oid());
          Optional<CaptureFunction.Installed> installed = function.installed(connection);
          if (installed.isPresent()) {
            for (TableRef calling : CaptureTriggers.tablesCalling(connection, installed.get().oid())) {
              CaptureTriggers.drop(connection, calling.qualifiedName());
            }
          }
          function.drop(connection);
          new BufferTable(source.oid()).drop(connection);
          LOG.log(Level.INFO, "released change capture of {0}", source);
          return null;
        });
  }

  @Override
  public boolean truncatedIn(Connection connection, SourceRelation source, ChangeWindow window)
      throws SQLException {
    return Transactions.inTransaction(
        connection, () -> BufferQueries.truncatedIn(connection, source.oid(), window));
  }

  @Override
  public io.pgtrickle.spi.cdc.WindowStats windowStats(
      Connection connection, SourceRelation source, ChangeWindow window) throws SQLException {
    return Transactions.inTransaction(
        connection, () -> BufferQueries.windowStats(connection, source.oid(), window));
  }

  @Override
  public long prune(Connection connection, SourceRelation source, List<PgSnapshot> consumerFrontiers)
      throws SQLException {
    if (consumerFrontiers.isEmpty()) {
      LOG.log(Level.DEBUG, "no consumer frontiers given for {0}: nothing pruned", source);
      return 0;
    }
    long deleted =
        Transactions.inTransaction(
            connection, () -> BufferQueries.prune(connection, source.oid(), consumerFrontiers));
    LOG.log(Level.DEBUG, "pruned {0} consumed change rows of {1}", deleted, source);
    return deleted;
  }

  @Override
  public BufferStats bufferStats(Connection connection, SourceRelation source) throws SQLException {
    return Transactions.inTransaction(
        connection, () -> BufferQueries.stats(connection, source.oid()));
  }

  private static CapturePlan plan(Connection connection, long oid, Set<String> requested)
      throws SQLException {
    LiveSource live = SourceCatalog.describe(connection, oid);
    Optional<Map<String, String>> existing =
        SearchPath.withCatalogOnly(connection, () -> new BufferTable(oid).existingColumns(connection));
    return CapturePlan.of(live, existing, requested);
  }

  private static boolean isInstalled(Connection connection, CapturePlan plan) throws SQLException {
    if (!plan.bufferExists() || !plan.missingInBuffer().isEmpty()) {
      return false;
    }
    Optional<CaptureFunction.Installed> function =
        new CaptureFunction(plan.source().oid()).installed(connection);
    if (function.isEmpty() || !function.get().body().equals(plan.functionBody())) {
      return false;
    }
    long functionOid = function.get().oid();
    List<TableRef> tables = plan.source().capturedTables();
    for (TableRef table : tables) {
      if (!CaptureTriggers.allInstalled(connection, table, functionOid)) {
        return false;
      }
    }
    return CaptureTriggers.tablesCalling(connection, functionOid).equals(new HashSet<>(tables));
  }

  private static void install(Connection connection, CapturePlan plan) throws SQLException {
    LiveSource source = plan.source();
    String described = source.qualifiedName() + " (OID " + source.oid() + ")";
    BufferTable buffer = new BufferTable(source.oid());
    BufferTable.ensureSchema(connection);
    if (plan.bufferExists()) {
      buffer.addColumns(connection, plan.missingInBuffer());
    } else {
      buffer.create(connection, plan.captured(), described);
    }
    CaptureFunction function = new CaptureFunction(source.oid());
    long functionOid = function.install(connection, plan.functionBody(), described);
    Set<TableRef> stale = CaptureTriggers.tablesCalling(connection, functionOid);
    for (TableRef table : source.capturedTables()) {
      CaptureTriggers.install(connection, table, function.qualifiedName(), functionOid);
      stale.remove(table);
    }
    for (TableRef table : stale) {
      LOG.log(Level.INFO, "removing capture triggers from {0}, no longer part of {1}", table, described);
      CaptureTriggers.drop(connection, table.qualifiedName());
    }
    LOG.log(
        Level.INFO,
        "capturing {0}: columns {1}, UPDATE pairing {2}, on {3} table(s)",
        described,
        plan.capturedNames(),
        plan.pairingKey().isEmpty() ? "by multiset difference" : "by key " + plan.pairingKey(),
        source.capturedTables().size());
  }

  private static void lockAgainstWriters(Connection connection, String qualifiedTable)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("LOCK TABLE " + qualifiedTable + " IN SHARE ROW EXCLUSIVE MODE");
    }
  }

  private static CaptureState state(CapturePlan plan) {
    return new CaptureState(
        plan.source().oid(),
        NAME,
        new BufferTable(plan.source().oid()).qualifiedName(),
        plan.capturedNames(),
        plan.pairingKey());
  }
}
