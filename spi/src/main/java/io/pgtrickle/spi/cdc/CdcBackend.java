package io.pgtrickle.spi.cdc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A way of capturing a source table's changes into its change buffer ({@link ChangeBufferLayout}).
 * Implementations are found with {@link ServiceLoader} ({@link #named(String)}).
 *
 * <p><b>Stateless.</b> A backend keeps nothing in the JVM and no registry of consumers in PostgreSQL: the
 * refresh engine owns the catalog, knows which stream tables read which source with which columns, and
 * tells the backend what to capture (the union over all consumers) and which frontiers still matter.
 * Everything a backend knows it reads back from PostgreSQL, so any JVM can call any method at any time.
 *
 * <p><b>Transactions.</b> Every method runs on the caller's connection. If auto-commit is off it works
 * inside the caller's transaction and leaves commit or rollback to the caller; if auto-commit is on, each
 * call is one transaction of its own. {@link #ensureCapture} must be <em>committed</em> before the
 * first frontier of a new consumer is taken (see {@link ChangeWindow}: "the first frontier").
 */
public interface CdcBackend {

  /** The backend's name as used by the {@code cdc_mode} option: {@code "trigger"}, {@code "wal"}. */
  String name();

  /**
   * Makes sure that the changes of {@code source} to at least {@code columns} are captured from now on.
   * Creates the buffer, adds missing columns to it, and (re)installs the capture so that the union of
   * what was captured before and {@code columns} is captured; the primary key is always captured.
   * Columns are never removed (a buffer that captures more than needed is still correct). Idempotent
   * and cheap when nothing changes.
   *
   * @param columns source column names as stored (not quoted); may be empty (key only)
   * @return what is captured now
   * @throws SQLException SQLSTATE 42P01 when the source does not exist, 42703 for an unknown column,
   *     42701 for a column named like a buffer metadata column, 0A000 for a relation kind that cannot be
   *     captured, 55000 when the buffer no longer matches the source's column types (release first)
   */
  CaptureState ensureCapture(Connection connection, SourceRelation source, Set<String> columns)
      throws SQLException;

  /** What is captured for the source with this OID, or empty when nothing is. */
  Optional<CaptureState> describeCapture(Connection connection, long sourceOid) throws SQLException;

  /**
   * Stops capturing {@code source} and drops its buffer, for when its last consumer is gone. Works when
   * the source itself has been dropped already. Idempotent.
   */
  void releaseCapture(Connection connection, SourceRelation source) throws SQLException;

  /** The quoted, schema-qualified buffer the delta SQL reads for {@code source}. */
  default String changeRelation(SourceRelation source) {
    return ChangeBufferLayout.qualifiedTableName(source.oid());
  }

  /** Whether {@code source} was truncated within {@code window}: its consumers need a FULL refresh. */
  boolean truncatedIn(Connection connection, SourceRelation source, ChangeWindow window)
      throws SQLException;

  /** Counts the changes of {@code source} within {@code window}. */
  WindowStats windowStats(Connection connection, SourceRelation source, ChangeWindow window)
      throws SQLException;

  /**
   * Deletes the buffer rows that every consumer has consumed: those whose xid is visible in every one
   * of {@code consumerFrontiers} ({@link ChangeWindow#prunablePredicate}). Pass the frontiers of
   * <em>all</em> consumers of the source, as committed, including any consumer being created
   * concurrently: the caller must keep a new consumer from committing its first frontier while a prune
   * that does not know it runs (for example with a lock on the source's catalog entry), or a row the new
   * consumer needs could go. An empty list prunes nothing.
   *
   * @return the number of rows deleted
   */
  long prune(Connection connection, SourceRelation source, List<PgSnapshot> consumerFrontiers)
      throws SQLException;

  /** Size and age of the source's buffer; throws SQLSTATE 42P01 when there is none. */
  BufferStats bufferStats(Connection connection, SourceRelation source) throws SQLException;

  /** Every backend on the class path, by name. */
  static Map<String, CdcBackend> available() {
    Map<String, CdcBackend> byName = new LinkedHashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(CdcBackend.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != CdcBackend.class.getClassLoader()) {
      loaders.add(context);
    }
    for (ClassLoader loader : loaders) {
      for (CdcBackend backend : ServiceLoader.load(CdcBackend.class, loader)) {
        byName.putIfAbsent(backend.name(), backend);
      }
    }
    return byName;
  }

  /** The backend called {@code name}; IllegalArgumentException when none is on the class path. */
  static CdcBackend named(String name) {
    CdcBackend backend = available().get(name);
    if (backend == null) {
      throw new IllegalArgumentException(
          "no CDC backend named '" + name + "' on the class path (found " + available().keySet() + ")");
    }
    return backend;
  }
}
