package io.pgtrickle.cdc.trigger;

import java.sql.SQLException;

/** A piece of JDBC work that returns a value. */
@FunctionalInterface
interface SqlWork<T> {
  T run() throws SQLException;
}
