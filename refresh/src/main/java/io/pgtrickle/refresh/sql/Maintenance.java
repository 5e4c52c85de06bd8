package io.pgtrickle.refresh.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The guard bypass: the transaction-local setting {@value #SETTING} that the guard trigger function
 * reads. The engine switches it on only around its own writes to a stream table and back off right
 * after, so that an application cannot write to the stream table later in the same transaction. It is
 * a guard against mistakes, not a security boundary: a session may set the parameter itself.
 */
public final class Maintenance {

  /** The name of the setting the guard trigger checks. */
  public static final String SETTING = "pgtrickle.maintenance";

  private Maintenance() {}

  /** Something the engine does while the guard lets it through. */
  @FunctionalInterface
  public interface Write<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code write} with the guard bypass on. If {@code write} fails, the bypass is left to the
   * enclosing savepoint/transaction rollback (which restores the setting's value).
   */
  public static <T> T bypassGuard(Connection connection, Write<T> write) throws SQLException {
    set(connection, "on");
    T result = write.run();
    set(connection, "off");
    return result;
  }

  private static void set(Connection connection, String value) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT pg_catalog.set_config(" + Sql.literal(SETTING) + ", " + Sql.literal(value) + ", true)");
    }
  }
}
