package io.pgtrickle.refresh.diff;

import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.CdcBackend;
import io.pgtrickle.spi.cdc.SourceRelation;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Change capture of differential stream tables' sources, through the trigger {@link CdcBackend}. The
 * catalog ({@code pgt_dependencies.cdc_mode}, {@code captured_columns}) records which consumer needs
 * which columns of which source; the backend is told the union over all consumers and released when
 * the last consumer is gone.
 *
 * <p><b>Source locks.</b> {@link #lockSource} takes a transaction-level advisory lock per source. A new
 * consumer takes it (blocking) before its first frontier is taken and holds it until it commits;
 * {@link BufferPruner} takes it with {@code try} and skips the source when it is busy. So a prune never
 * runs with a list of frontiers that lacks a consumer whose first frontier is being committed.
 */
public final class CaptureRegistry {

  private static final Logger LOG = System.getLogger(CaptureRegistry.class.getName());

  /** The backend's name: the only one there is for now. */
  public static final String TRIGGER = "trigger";

  /** First key of the per-source advisory locks ("pgtc"). */
  static final int LOCK_CLASS = 0x70677463;

  private static final String DEPENDENCIES = Sql.catalog("pgt_dependencies");

  private CaptureRegistry() {}

  /** The trigger backend (ServiceLoader). */
  public static CdcBackend backend() throws SQLException {
    try {
      return CdcBackend.named(TRIGGER);
    } catch (IllegalArgumentException e) {
      throw new SQLException("no trigger CDC backend on the class path: " + e.getMessage(), "58000", e);
    }
  }

  /** SQL for the per-source advisory lock; {@code fn} is the lock function. */
  static String lockSql(String fn, long sourceOid) {
    return "SELECT " + lockCall(fn, sourceOid);
  }

  /** The call of lock function {@code fn} on the per-source advisory lock, as an expression. */
  static String lockCall(String fn, long sourceOid) {
    return "pg_catalog." + fn + "(" + LOCK_CLASS + ", (" + sourceOid + "::bigint - 2147483648)::integer)";
  }

  /** Blocks until this transaction holds the source's lock (held until the transaction ends). */
  static void lockSource(Connection connection, long sourceOid) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(lockSql("pg_advisory_xact_lock", sourceOid));
    }
  }

  /**
   * Records the consumer's columns per source, locks each source and makes the backend capture the
   * union of all consumers' columns.
   */
  public static void install(Connection connection, long pgtId, DiffPlan plan) throws SQLException {
    CdcBackend backend = backend();
    for (DiffPlan.SourceColumns source : plan.sources()) {
      lockSource(connection, source.oid());
      try (PreparedStatement ps =
          connection.prepareStatement(
              "UPDATE " + DEPENDENCIES + " SET \"cdc_mode\" = ?, \"captured_columns\" = ?"
                  + " WHERE \"pgt_id\" = ? AND \"source_relid\" = ?::oid")) {
        ps.setString(1, TRIGGER);
        Array columns = connection.createArrayOf("text", source.columns().stream().sorted().toArray());
        ps.setArray(2, columns);
        ps.setLong(3, pgtId);
        ps.setLong(4, source.oid());
        if (ps.executeUpdate() != 1) {
          throw new SQLException("no dependency row for source " + source.schema() + "."
              + source.name() + " of stream table " + pgtId);
        }
      }
      Set<String> union = unionOfConsumers(connection, source.oid());
      backend.ensureCapture(
          InTransaction.of(connection), SourceRelation.of(source.oid(), source.schema(), source.name()), union);
      LOG.log(Level.DEBUG, "capturing {0}.{1}: {2}", source.schema(), source.name(), union);
    }
  }

  /**
   * Forgets the consumer's capture needs and releases the capture of every source no other consumer
   * needs any more.
   */
  public static void release(Connection connection, long pgtId) throws SQLException {
    List<SourceRelation> captured = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE " + DEPENDENCIES + " SET \"cdc_mode\" = NULL, \"captured_columns\" = NULL"
                + " WHERE \"pgt_id\" = ? AND \"cdc_mode\" IS NOT NULL"
                + " RETURNING \"source_relid\", \"source_schema\", \"source_name\"")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          captured.add(SourceRelation.of(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    for (SourceRelation source : captured) {
      lockSource(connection, source.oid());
      if (!hasConsumers(connection, source.oid())) {
        backend().releaseCapture(InTransaction.of(connection), source);
        LOG.log(Level.DEBUG, "released capture of {0}", source);
      }
    }
  }

  private static Set<String> unionOfConsumers(Connection connection, long sourceOid)
      throws SQLException {
    Set<String> union = new LinkedHashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT pg_catalog.unnest(\"captured_columns\") FROM " + DEPENDENCIES
                + " WHERE \"source_relid\" = ?::oid AND \"cdc_mode\" IS NOT NULL ORDER BY 1")) {
      ps.setLong(1, sourceOid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          union.add(rs.getString(1));
        }
      }
    }
    return union;
  }

  private static boolean hasConsumers(Connection connection, long sourceOid) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM " + DEPENDENCIES
                + " WHERE \"source_relid\" = ?::oid AND \"cdc_mode\" IS NOT NULL)")) {
      ps.setLong(1, sourceOid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
