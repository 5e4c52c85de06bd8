package io.pgtrickle.refresh.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per database (connection URL + database name) and for the life of the JVM, that the
 * catalog is current, so that only the first engine call per database pays for the check. If a
 * statement later fails with undefined_table (the catalog was dropped, or created by a transaction
 * that rolled back), {@link #recheck} asks the database again.
 */
public final class CatalogState {

  private final Set<String> current = ConcurrentHashMap.newKeySet();

  /** Makes sure the catalog exists and is current, migrating it if needed (in the current transaction). */
  public void ensureCurrent(Connection connection) throws SQLException {
    String key = key(connection);
    if (current.contains(key)) {
      return;
    }
    CatalogMigrator.migrate(connection);
    current.add(key);
  }

  /**
   * After an undefined_table failure: forgets the cached state and tells whether the catalog really is
   * out of date (then the failed statement is worth one retry). Reads only.
   */
  public boolean recheck(Connection connection) throws SQLException {
    String key = key(connection);
    if (!current.remove(key)) {
      return false;
    }
    if (CatalogMigrator.installedVersion(connection) < CatalogMigrator.latestVersion()) {
      return true;
    }
    current.add(key);
    return false;
  }

  /**
   * Whether an earlier engine call in this JVM found the catalog current in this connection's database
   * (it may have been dropped since: a caller relying on it must survive undefined_table).
   */
  public boolean knownCurrent(Connection connection) throws SQLException {
    return current.contains(key(connection));
  }

  /** Forgets everything (tests). */
  public void clear() {
    current.clear();
  }

  private static String key(Connection connection) throws SQLException {
    return connection.getMetaData().getURL() + "|" + connection.getCatalog();
  }
}
