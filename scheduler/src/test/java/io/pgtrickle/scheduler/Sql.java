package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.PgTrickleEngine;
import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Test helpers: stream-table DDL through the engine, a scheduler, waiting for a condition. */
final class Sql {

  static final PgTrickleEngine ENGINE = new PgTrickleEngine();

  private Sql() {}

  static OptionSetting opt(String name, String value) {
    return OptionSetting.of(name, value);
  }

  static void create(Connection c, String name, String query, OptionSetting... options)
      throws SQLException {
    ENGINE.execute(c, new CreateStreamTable(QualifiedName.unqualified(name), false, List.of(),
        Arrays.asList(options), List.of(), query, true,
        "CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true) AS " + query));
  }

  static void alter(Connection c, String name, OptionSetting... options) throws SQLException {
    ENGINE.execute(c, new AlterStreamTable(QualifiedName.unqualified(name), false,
        Arrays.asList(options), List.of(), List.of(), List.of(), "ALTER MATERIALIZED VIEW " + name));
  }

  static void refresh(Connection c, String name) throws SQLException {
    ENGINE.execute(c, new RefreshStreamTable(QualifiedName.unqualified(name), false, true,
        "REFRESH MATERIALIZED VIEW " + name));
  }

  /** A scheduler for {@code db} with a short sleep. */
  static Scheduler scheduler(TestDatabase db, RetryPolicy retry) {
    return new Scheduler(SchedulerConfig.defaults(db.jdbcUrl(), db.properties())
        .withMaxSleep(Duration.ofMillis(500)).withRetry(retry));
  }

  /** Condition that may query the database. */
  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits until {@code check} holds (polling every 50 ms), failing after {@code timeout}. */
  static long await(Duration timeout, String what, Check check) throws Exception {
    long start = System.nanoTime();
    long end = start + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
      }
      Thread.sleep(50);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  static BooleanSupplier never() {
    return () -> false;
  }
}
