package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.catalog.RelationResolver;
import io.pgtrickle.refresh.catalog.StreamTableCatalog;
import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.diff.DifferentialSetup;
import io.pgtrickle.refresh.sql.Sql;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Cleans catalog rows whose objects PostgreSQL removed behind the engine's back.
 *
 * <ul>
 *   <li>Orphans: the storage table was dropped with a plain {@code DROP TABLE} (not through the
 *       driver). The definition view and the catalog rows go.
 *   <li>Broken: the definition view was dropped (a source dropped with CASCADE). In the course of a
 *       {@code DROP … CASCADE} those stream tables depended on what was dropped, so they are dropped
 *       too (repeatedly, since dropping one may break the next).
 * </ul>
 */
final class OrphanSweeper {

  private static final Logger LOG = System.getLogger(OrphanSweeper.class.getName());

  private OrphanSweeper() {}

  /** Removes catalog rows whose storage table no longer exists. */
  static void sweepOrphans(Connection connection) throws SQLException {
    for (StreamTableRow row : StreamTableCatalog.missingObjects(connection, false)) {
      LOG.log(Level.INFO, "removing catalog entry of dropped stream table {0}", row.displayName());
      DefinitionView.drop(connection, row.definitionViewName(), true);
      DifferentialSetup.dropped(connection, row.pgtId());
      StreamTableCatalog.delete(connection, row.pgtId());
    }
  }

  /** Drops stream tables whose definition view was dropped by a cascade, until none is left. */
  static void sweepBroken(Connection connection) throws SQLException {
    boolean again = true;
    while (again) {
      again = false;
      for (StreamTableRow row : StreamTableCatalog.missingObjects(connection, true)) {
        boolean storageGone = RelationResolver.byOid(connection, row.storageRelid()).isEmpty();
        if (!storageGone) {
          LOG.log(Level.INFO, "dropping stream table {0}: a source was dropped with CASCADE",
              row.displayName());
          try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE " + Sql.qualified(row.schema(), row.name()) + " CASCADE");
          }
          again = true;
        }
        DefinitionView.drop(connection, row.definitionViewName(), true);
        DifferentialSetup.dropped(connection, row.pgtId());
        StreamTableCatalog.delete(connection, row.pgtId());
      }
    }
  }
}
