package io.pgtrickle.jdbc;

import io.pgtrickle.refresh.api.StreamTableEngine;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link StreamTableEngine} once, through {@link ServiceLoader} with the driver's class
 * loader, and keeps it. Without one, every stream-table statement fails with SQLSTATE 58000.
 */
public final class StreamTableEngines {

  private static final System.Logger LOG = System.getLogger(StreamTableEngines.class.getName());

  /** system_error: the driver's installation is incomplete. */
  public static final String NO_ENGINE_SQLSTATE = "58000";

  private static volatile StreamTableEngine engine;

  private StreamTableEngines() {}

  /** The engine; loaded on first use. */
  public static StreamTableEngine get() throws SQLException {
    StreamTableEngine found = engine;
    if (found == null) {
      synchronized (StreamTableEngines.class) {
        found = engine;
        if (found == null) {
          found = load();
          engine = found;
        }
      }
    }
    return found;
  }

  private static StreamTableEngine load() throws SQLException {
    ClassLoader loader = PgTrickleDriver.class.getClassLoader();
    try {
      Iterator<StreamTableEngine> engines = ServiceLoader.load(StreamTableEngine.class, loader).iterator();
      if (!engines.hasNext()) {
        throw new SQLException(
            "no pgtrickle engine found: no META-INF/services/" + StreamTableEngine.class.getName()
                + " on the driver's class path (is pgtrickle-refresh missing? use the pgtrickle-jdbc"
                + " all-jar or add its dependencies)",
            NO_ENGINE_SQLSTATE);
      }
      StreamTableEngine first = engines.next();
      if (engines.hasNext()) {
        LOG.log(Level.WARNING, "several pgtrickle engines on the class path; using {0}", first.getClass().getName());
      }
      LOG.log(Level.DEBUG, "pgtrickle engine: {0}", first.getClass().getName());
      return first;
    } catch (ServiceConfigurationError e) {
      throw new SQLException("the pgtrickle engine could not be loaded: " + e.getMessage(), NO_ENGINE_SQLSTATE, e);
    }
  }
}
