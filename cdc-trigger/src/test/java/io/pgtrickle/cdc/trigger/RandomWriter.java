package io.pgtrickle.cdc.trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A writer thread for the concurrency tests: random transactions of random statements against one
 * table, with pauses inside transactions (so that they straddle refreshes), savepoints that are rolled
 * back or released, and whole transactions rolled back. Statement failures (unique violations,
 * deadlocks) roll the transaction back and go on. Deterministic per seed except for timing.
 */
final class RandomWriter implements Runnable {

  /** Which table shape the statements are written for. */
  enum Shape {
    /** {@code (id int PRIMARY KEY, k int, v text, u int)}. */
    KEYED,
    /** {@code (k int, v text, u int)}, duplicates welcome. */
    KEYLESS
  }

  private final Connection connection;
  private final String table;
  private final Shape shape;
  private final Random random;
  private final AtomicBoolean stop;
  private final int maxPauseMillis;
  final AtomicLong commits = new AtomicLong();
  final AtomicLong rollbacks = new AtomicLong();
  final AtomicLong savepointRollbacks = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  private volatile Throwable crash;

  RandomWriter(
      Connection connection, String table, Shape shape, long seed, AtomicBoolean stop, int maxPauseMillis) {
    this.connection = connection;
    this.table = table;
    this.shape = shape;
    this.random = new Random(seed);
    this.stop = stop;
    this.maxPauseMillis = maxPauseMillis;
  }

  /** The exception that ended the thread, if any (statement failures do not). */
  Throwable crash() {
    return crash;
  }

  @Override
  public void run() {
    try {
      connection.setAutoCommit(false);
      while (!stop.get()) {
        oneTransaction();
      }
    } catch (Throwable t) {
      crash = t;
    }
  }

  private void oneTransaction() throws SQLException, InterruptedException {
    try (Statement st = connection.createStatement()) {
      int statements = 1 + random.nextInt(5);
      for (int i = 0; i < statements; i++) {
        if (random.nextInt(5) == 0) {
          st.execute("SAVEPOINT sp");
          st.execute(randomStatement());
          pause();
          if (random.nextBoolean()) {
            st.execute("ROLLBACK TO SAVEPOINT sp");
            savepointRollbacks.incrementAndGet();
          } else {
            st.execute("RELEASE SAVEPOINT sp");
          }
        } else {
          st.execute(randomStatement());
        }
        pause();
      }
      if (random.nextInt(7) == 0) {
        connection.rollback();
        rollbacks.incrementAndGet();
      } else {
        connection.commit();
        commits.incrementAndGet();
      }
    } catch (SQLException e) {
      failures.incrementAndGet();
      connection.rollback();
    }
  }

  private void pause() throws InterruptedException {
    if (maxPauseMillis > 0) {
      Thread.sleep(random.nextInt(maxPauseMillis + 1));
    }
  }

  private String randomStatement() {
    int k = random.nextInt(40);
    String v = random.nextInt(6) == 0 ? "NULL" : "'v" + random.nextInt(5) + "'";
    return shape == Shape.KEYED ? keyedStatement(k, v) : keylessStatement(k, v);
  }

  private String keyedStatement(int k, String v) {
    int id = random.nextInt(200);
    return switch (random.nextInt(8)) {
      case 0, 1 -> "INSERT INTO " + table + " VALUES (" + id + ", " + k + ", " + v + ", 0)"
          + " ON CONFLICT (id) DO NOTHING";
      case 2 -> "INSERT INTO " + table + " VALUES (" + id + ", " + k + ", " + v + ", 0)"
          + " ON CONFLICT (id) DO UPDATE SET v = excluded.v, u = " + table + ".u + 1";
      case 3 -> "UPDATE " + table + " SET v = " + v + " WHERE id BETWEEN " + id + " AND " + (id + 15);
      case 4 -> "UPDATE " + table + " SET u = u + 1 WHERE id BETWEEN " + id + " AND " + (id + 10);
      case 5 -> "UPDATE " + table + " SET id = id + 200 WHERE id = " + id;
      case 6 -> "UPDATE " + table + " SET k = k + 1, v = v WHERE id BETWEEN " + id + " AND " + (id + 3);
      default -> "DELETE FROM " + table + " WHERE id BETWEEN " + id + " AND " + (id + 5);
    };
  }

  private String keylessStatement(int k, String v) {
    return switch (random.nextInt(7)) {
      case 0, 1 -> "INSERT INTO " + table + " VALUES (" + k + ", " + v + ", 0), (" + k + ", " + v + ", 0)";
      case 2 -> "UPDATE " + table + " SET v = " + v + " WHERE k = " + k;
      case 3 -> "UPDATE " + table + " SET u = u + 1 WHERE k BETWEEN " + k + " AND " + (k + 2);
      case 4 -> "UPDATE " + table + " SET k = k + 1 WHERE k = " + k;
      case 5 -> "UPDATE " + table + " SET v = v, u = u + 1 WHERE k = " + k;
      default -> "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE k = "
          + k + " LIMIT 1)";
    };
  }
}
