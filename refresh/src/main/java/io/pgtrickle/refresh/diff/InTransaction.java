package io.pgtrickle.refresh.diff;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection as a CDC backend must see it: always inside the engine's transaction. A backend runs
 * a call as its own transaction when auto-commit is on, but inside the engine the caller may have
 * opened a block with a plain {@code BEGIN} while auto-commit stays on; committing there would commit
 * the application's transaction half-way. This view reports auto-commit off and refuses transaction
 * control; everything else goes to the real connection.
 */
final class InTransaction {

  private InTransaction() {}

  static Connection of(Connection connection) {
    return (Connection) Proxy.newProxyInstance(
        InTransaction.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "getAutoCommit":
              return false;
            case "commit", "rollback", "setAutoCommit":
              throw new SQLException("the pgtrickle engine controls this transaction");
            default:
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }
}
