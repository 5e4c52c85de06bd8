package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.sql.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and upgrades the catalog schema {@code pgtrickle} with numbered migrations: classpath
 * resources {@code V<n>__<description>.sql} next to this class, listed in {@link #MIGRATIONS} and
 * applied in order, each recorded in {@code pgtrickle.schema_version}. The whole check runs under a
 * transaction-level advisory lock ({@link #LOCK_KEY}), so concurrent first uses serialize and any
 * version upgrades to the next. It runs inside the caller's transaction (a rolled-back first statement
 * takes the catalog with it, and {@link CatalogState} notices).
 */
public final class CatalogMigrator {

  private static final Logger LOG = System.getLogger(CatalogMigrator.class.getName());

  /** Key of {@code pg_advisory_xact_lock} taken while checking/migrating: "pgtrickl" in ASCII. */
  public static final long LOCK_KEY = 0x706774726963_6b6cL;

  /** The migrations, in order; version n is element n-1. A test checks that none is missing. */
  public static final List<String> MIGRATIONS = List.of(
      "V1__catalog.sql", "V2__differential.sql", "V3__scheduler.sql", "V4__immediate.sql",
      "V5__aggregate_state.sql", "V6__frontier_mark.sql",
      "V7__post_refresh_actions.sql", "V8__source_signature.sql", "V9__auto_source_changes.sql",
      "V10__source_signature_plpgsql.sql", "V11__immediate_security_definer.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

  /** The catalog version this code needs. */
  public static int latestVersion() {
    return MIGRATIONS.size();
  }

  /**
   * The installed catalog version, without locking or writing: 0 when there is no catalog.
   */
  public static int installedVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT pg_catalog.to_regclass('\"pgtrickle\".\"schema_version\"') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return 0;
      }
    }
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COALESCE(max(\"version\"), 0) FROM " + Sql.catalog("schema_version"))) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Brings the catalog to {@link #latestVersion()} (a no-op when it is current), under the advisory
   * lock, in the connection's current transaction.
   *
   * @return the number of migrations applied
   */
  public static int migrate(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT pg_catalog.pg_advisory_xact_lock(" + LOCK_KEY + ")");
    }
    int installed = installedVersion(connection);
    if (installed > latestVersion()) {
      LOG.log(Level.WARNING, "catalog version {0} is newer than this driver''s {1}", installed,
          latestVersion());
      return 0;
    }
    int applied = 0;
    for (int version = installed + 1; version <= latestVersion(); version++) {
      String file = MIGRATIONS.get(version - 1);
      Matcher m = NAME.matcher(file);
      if (!m.matches() || Integer.parseInt(m.group(1)) != version) {
        throw new IllegalStateException("migration " + file + " is not version " + version);
      }
      LOG.log(Level.INFO, "applying pgtrickle catalog migration {0}", file);
      try (Statement st = connection.createStatement()) {
        st.execute(read(file));
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO " + Sql.catalog("schema_version")
                  + " (\"version\", \"description\") VALUES (?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, m.group(2).replace('_', ' '));
        ps.executeUpdate();
      }
      applied++;
    }
    return applied;
  }

  static String read(String file) {
    try (InputStream in = CatalogMigrator.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing catalog migration resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CatalogMigrator() {}
}
