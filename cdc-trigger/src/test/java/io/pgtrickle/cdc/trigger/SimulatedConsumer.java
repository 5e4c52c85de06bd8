package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.Frontier;
import io.pgtrickle.spi.cdc.PgSnapshot;
import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plays the refresh engine for one consumer of one source: a REPEATABLE READ transaction takes the
 * frontier, checks the window against a copy of the source saved at the previous frontier, saves a new
 * copy, and commits. The copy is what the stream table would hold.
 */
final class SimulatedConsumer {

  private final Connection connection;
  private final SourceRelation source;
  private final String columns;
  private final String name;
  private PgSnapshot frontier;
  private int generation;
  private long consumedChanges;

  private SimulatedConsumer(Connection connection, SourceRelation source, String columns, String name) {
    this.connection = connection;
    this.source = source;
    this.columns = columns;
    this.name = name;
  }

  /** "Populates" the consumer: copies the source at a fresh frontier. Capture must be committed. */
  static SimulatedConsumer populate(
      Connection connection, SourceRelation source, String columns, String name) throws SQLException {
    SimulatedConsumer consumer = new SimulatedConsumer(connection, source, columns, name);
    consumer.inRepeatableRead(
        () -> {
          consumer.frontier = Frontier.current(connection);
          consumer.saveCopy();
        });
    return consumer;
  }

  PgSnapshot frontier() {
    return frontier;
  }

  long consumedChanges() {
    return consumedChanges;
  }

  /**
   * One refresh: S1 = now; asserts {@code state(S1) + deleted == state(S0) + inserted} over the window
   * (S0, S1], and that every buffer row this transaction can see and S0 could not is in the window.
   */
  ChangeWindow refreshAndCheck() throws SQLException {
    ChangeWindow[] result = new ChangeWindow[1];
    inRepeatableRead(
        () -> {
          PgSnapshot next = Frontier.current(connection);
          ChangeWindow window = ChangeWindow.between(frontier, next);
          String buffer = "pgtrickle_changes.changes_" + source.oid();
          MultisetOracle.assertSameRowsInCurrentTransaction(
              connection,
              "SELECT " + columns + " FROM " + source.qualifiedName()
                  + " UNION ALL SELECT " + columns + " FROM " + buffer + " AS c WHERE "
                  + window.changesPredicate("c") + " AND c.__pgt_w = -1",
              "SELECT " + columns + " FROM " + copyName()
                  + " UNION ALL SELECT " + columns + " FROM " + buffer + " AS c WHERE "
                  + window.changesPredicate("c") + " AND c.__pgt_w = 1");
          assertEquals(
              0,
              Db.count(
                  connection,
                  "SELECT count(*) FROM " + buffer + " AS c WHERE NOT pg_visible_in_snapshot(c.__pgt_xid, "
                      + frontier.toSqlLiteral() + ") AND NOT (" + window.predicate("c") + ")"),
              "a row visible now and not at the previous frontier is outside the window");
          consumedChanges +=
              Db.count(connection, "SELECT count(*) FROM " + buffer + " AS c WHERE " + window.changesPredicate("c"));
          Jdbc.exec(connection, "DROP TABLE " + copyName());
          generation++;
          saveCopy();
          frontier = next;
          result[0] = window;
        });
    return result[0];
  }

  private String copyName() {
    return "\"copy_" + name + "_" + generation + "\"";
  }

  private void saveCopy() throws SQLException {
    Jdbc.exec(
        connection,
        "CREATE TABLE " + copyName() + " AS SELECT " + columns + " FROM " + source.qualifiedName());
  }

  private void inRepeatableRead(SqlAction action) throws SQLException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      action.run();
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @FunctionalInterface
  interface SqlAction {
    void run() throws SQLException;
  }
}
