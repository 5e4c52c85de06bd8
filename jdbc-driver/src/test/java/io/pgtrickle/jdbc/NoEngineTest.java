package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver loaded in a class loader that hides the engine's service file: ordinary SQL (plain
 * materialized views included) still works, stream-table DDL fails with SQLSTATE 58000.
 */
@PgTest
class NoEngineTest {

  private static final String ENGINE_SERVICE = "META-INF/services/io.pgtrickle.refresh.api.StreamTableEngine";

  /** Loads the test class path itself, minus the engine's ServiceLoader registration. */
  private static final class EngineHidingClassLoader extends URLClassLoader {
    EngineHidingClassLoader(URL[] urls) {
      super("no-engine", urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return ENGINE_SERVICE.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  private static URL[] testClassPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    return urls.toArray(new URL[0]);
  }

  @Test
  void streamDdlFailsWith58000AndEverythingElseWorks(TestDatabase db) throws Exception {
    try (EngineHidingClassLoader loader = new EngineHidingClassLoader(testClassPath())) {
      Driver driver =
          (Driver) Class.forName(PgTrickleDriver.class.getName(), true, loader).getDeclaredConstructor().newInstance();
      try (Connection c = driver.connect(db.pgtrickleUrl(), db.properties());
          Statement st = c.createStatement()) {
        assertNotNull(c);
        assertEquals("1", Connections.scalar(c, "SELECT 1"));
        st.execute("CREATE MATERIALIZED VIEW no_engine_plain AS SELECT 1 AS one");
        assertEquals(0, st.executeUpdate("REFRESH MATERIALIZED VIEW no_engine_plain"));
        assertEquals(0, st.executeUpdate("DROP MATERIALIZED VIEW no_engine_plain"));
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> st.execute("CREATE MATERIALIZED VIEW no_engine_stream WITH (pgtrickle.stream) AS SELECT 1"));
        assertEquals("58000", e.getSQLState());
        assertTrue(e.getMessage().contains("no pgtrickle engine"), e.getMessage());
      }
    }
  }
}
