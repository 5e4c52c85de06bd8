package io.pgtrickle.testing;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates and drops the per-class databases. */
final class Databases {
  static final int MAX_NAME = 63;
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final System.Logger LOG = System.getLogger(Databases.class.getName());

  private Databases() {}

  /**
   * Creates {@code pgt_<class>_<n>} (retrying with the next n if a database of that name already exists, e.g.
   * left by another JVM on an external server) and creates the {@code vector} extension in it if available.
   */
  static TestDatabase create(PostgresServer server, String classSimpleName) {
    try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
      for (int attempt = 0; ; attempt++) {
        String name = name(classSimpleName, COUNTER.incrementAndGet());
        try {
          st.execute("CREATE DATABASE " + quoteIdent(name));
        } catch (SQLException e) {
          if ("42P04".equals(e.getSQLState()) && attempt < 1000) {
            continue;
          }
          throw e;
        }
        TestDatabase db = new TestDatabase(server, name);
        createVectorIfAvailable(db);
        return db;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + server.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Drops the database even with open connections and logical replication slots (those would make
   * DROP DATABASE fail).
   */
  static void drop(TestDatabase db) {
    PostgresServer server = db.server();
    try (Connection admin = server.connect(server.adminDatabase()); Statement st = admin.createStatement()) {
      String literal = "'" + db.name().replace("'", "''") + "'";
      st.execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
          + " WHERE database = " + literal + " AND active_pid IS NOT NULL");
      st.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
          + " WHERE database = " + literal);
      if (server.serverVersionNum() >= 130000) {
        st.execute("DROP DATABASE IF EXISTS " + quoteIdent(db.name()) + " WITH (FORCE)");
      } else {
        st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " + literal
            + " AND pid <> pg_backend_pid()");
        st.execute("DROP DATABASE IF EXISTS " + quoteIdent(db.name()));
      }
    } catch (SQLException e) {
      // Leave the database behind rather than fail a class whose tests passed; the server is throwaway.
      LOG.log(Level.WARNING, "could not drop test database " + db.name() + ": " + e.getMessage(), e);
    }
  }

  /** {@code pgt_<simple class name, lower case, [a-z0-9_] only>_<n>}, at most 63 characters. */
  static String name(String classSimpleName, int counter) {
    String cls = classSimpleName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String suffix = "_" + counter;
    int room = MAX_NAME - "pgt_".length() - suffix.length();
    if (cls.length() > room) {
      cls = cls.substring(0, room);
    }
    if (cls.isEmpty()) {
      cls = "test";
    }
    return "pgt_" + cls + suffix;
  }

  static String quoteIdent(String ident) {
    return "\"" + ident.replace("\"", "\"\"") + "\"";
  }

  private static void createVectorIfAvailable(TestDatabase db) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("DO $$ BEGIN "
          + "IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN "
          + "CREATE EXTENSION IF NOT EXISTS vector; END IF; END $$");
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "CREATE EXTENSION vector failed in " + db.name() + " (ignored): " + e.getMessage());
    }
  }
}
