package io.pgtrickle.benchmarks.e2e;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One maintained copy of a scenario's result, kept fresh by one {@link Method}: a stream table, a plain
 * materialized view, or the floor's summary table. Creation failures (for example differential mode not
 * being available yet, SQLSTATE 0A000) make it unavailable, with the reason, rather than failing the run.
 */
final class Target {
  final Scenario scenario;
  final Method method;
  final String name;
  private final String unavailable;
  private final long pgtId;

  /** One timed refresh. */
  record Refresh(double millis, long rowsInserted, long rowsDeleted, String strategy) {}

  private Target(Scenario scenario, Method method, String name, String unavailable, long pgtId) {
    this.scenario = scenario;
    this.method = method;
    this.name = name;
    this.unavailable = unavailable;
    this.pgtId = pgtId;
  }

  static String nameOf(Scenario scenario, Method method) {
    return switch (method) {
      case RMV -> "mv_" + scenario.name();
      case FLOOR -> "floor_" + scenario.name();
      default -> "st_" + scenario.name() + "_" + method.name().toLowerCase(Locale.ROOT);
    };
  }

  static Target create(Db db, Scenario scenario, Method method) throws SQLException {
    String name = nameOf(scenario, method);
    switch (method) {
      case RMV -> db.plain("CREATE MATERIALIZED VIEW " + name + " AS " + scenario.query());
      case FLOOR -> db.plain("CREATE TABLE " + name + " AS " + scenario.query(),
          "CREATE INDEX ON " + name + " (" + scenario.floorKey() + ")", "ANALYZE " + name);
      default -> {
        String mode = method == Method.FULL ? "full" : method == Method.DIFF ? "differential" : "auto";
        try {
          db.trickle("CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true, pgtrickle.refresh_mode = '"
              + mode + "') AS " + scenario.query());
        } catch (SQLException e) {
          if (method == Method.FULL) {
            throw e;
          }
          return new Target(scenario, method, name, "n/a (" + e.getSQLState() + "): " + firstLine(e.getMessage()), -1);
        }
        return new Target(scenario, method, name, null, RefreshHistory.pgtId(db.plain, "public." + name));
      }
    }
    return new Target(scenario, method, name, null, -1);
  }

  /** Null when available, else why not. */
  String unavailable() {
    return unavailable;
  }

  boolean available() {
    return unavailable == null;
  }

  /** Brings the copy up to date with {@code src} (for the floor: applies {@code bench_delta}), timed. */
  Refresh refresh(Db db) throws SQLException {
    return switch (method) {
      case RMV -> {
        long t0 = System.nanoTime();
        db.plain("REFRESH MATERIALIZED VIEW " + name);
        yield new Refresh(ms(t0), -1, -1, null);
      }
      case FLOOR -> floor(db);
      default -> {
        long t0 = System.nanoTime();
        db.trickle("REFRESH MATERIALIZED VIEW " + name);
        double ms = ms(t0);
        RefreshHistory.Entry h = RefreshHistory.last(db.plain, pgtId);
        yield new Refresh(ms, h.rowsInserted(), h.rowsDeleted(), h.executedStrategy());
      }
    };
  }

  /** Drops the copy (stream tables through the driver). */
  void drop(Db db) throws SQLException {
    if (!available()) {
      return;
    }
    switch (method) {
      case RMV -> db.plain("DROP MATERIALIZED VIEW IF EXISTS " + name);
      case FLOOR -> db.plain("DROP TABLE IF EXISTS " + name);
      default -> db.trickle("DROP MATERIALIZED VIEW IF EXISTS " + name);
    }
  }

  /** Rows in which the floor table and the query differ (multiset), for the harness's self-check. */
  long floorMismatches(Db db) throws SQLException {
    try (Statement st = db.plain.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM ((TABLE " + name + " EXCEPT ALL " + scenario.query()
            + ") UNION ALL (" + scenario.query() + " EXCEPT ALL TABLE " + name + ")) x")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Refresh floor(Db db) throws SQLException {
    long inserted = 0;
    long deleted = 0;
    long t0 = System.nanoTime();
    db.plain.setAutoCommit(false);
    try (Statement st = db.plain.createStatement()) {
      for (String sql : scenario.floorSql(name)) {
        if (sql.startsWith("WITH")) {
          try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            deleted += rs.getLong(1);
            inserted += rs.getLong(1) + rs.getLong(2);
          }
          continue;
        }
        int n = st.executeUpdate(sql);
        if (sql.startsWith("DELETE")) {
          deleted += n;
        } else {
          inserted += n;
        }
      }
      db.plain.commit();
    } catch (SQLException e) {
      db.plain.rollback();
      throw e;
    } finally {
      db.plain.setAutoCommit(true);
    }
    return new Refresh(ms(t0), inserted, deleted, null);
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
