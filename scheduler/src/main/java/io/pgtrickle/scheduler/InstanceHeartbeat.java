package io.pgtrickle.scheduler;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The instance's row in {@code pgtrickle.pgt_scheduler_instances}: inserted at start, its
 * {@code heartbeat_at} and counters updated every heartbeat interval, {@code stopped_at} set at a clean
 * stop. Instances whose heartbeat is older than five intervals are marked stopped by whichever instance
 * notices (they died without stopping). Each write is one auto-commit statement.
 */
final class InstanceHeartbeat {

  private static final Logger LOG = System.getLogger(InstanceHeartbeat.class.getName());
  private static final String TABLE = "\"pgtrickle\".\"pgt_scheduler_instances\"";

  private final String instanceId;
  private final Duration interval;
  private long lastBeatNanos;
  private boolean registered;

  InstanceHeartbeat(String instanceId, Duration interval) {
    this.instanceId = instanceId;
    this.interval = interval;
  }

  /** Writes the heartbeat if one is due (registers the instance first). */
  void beatIfDue(Connection c, SchedulerStats stats) throws SQLException {
    long now = System.nanoTime();
    if (registered && now - lastBeatNanos < interval.toNanos()) {
      return;
    }
    if (!registered) {
      register(c);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE " + TABLE + " SET \"heartbeat_at\" = pg_catalog.clock_timestamp(), \"stopped_at\" = NULL,"
            + " \"refreshes\" = ?, \"failures\" = ? WHERE \"instance_id\" = ?")) {
      ps.setLong(1, stats.refreshes());
      ps.setLong(2, stats.failures());
      ps.setString(3, instanceId);
      if (ps.executeUpdate() == 0) {
        registered = false; // someone deleted the row: register again next time
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE " + TABLE + " SET \"stopped_at\" = \"heartbeat_at\" WHERE \"stopped_at\" IS NULL"
            + " AND \"heartbeat_at\" < pg_catalog.clock_timestamp()"
            + " - pg_catalog.make_interval(secs => ?::double precision)")) {
      ps.setDouble(1, interval.toMillis() * 5 / 1000.0);
      int dead = ps.executeUpdate();
      if (dead > 0) {
        LOG.log(Level.INFO, "marked {0} scheduler instance(s) without heartbeat as stopped", dead);
      }
    }
    lastBeatNanos = now;
  }

  private void register(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO " + TABLE + " (\"instance_id\", \"host\", \"pid\") VALUES (?, ?, ?)"
            + " ON CONFLICT (\"instance_id\") DO NOTHING")) {
      ps.setString(1, instanceId);
      ps.setString(2, hostName());
      ps.setLong(3, ProcessHandle.current().pid());
      ps.executeUpdate();
    }
    registered = true;
  }

  /** Marks the instance stopped (best effort). */
  void stopped(Connection c, SchedulerStats stats) {
    if (!registered) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE " + TABLE + " SET \"stopped_at\" = pg_catalog.clock_timestamp(),"
            + " \"heartbeat_at\" = pg_catalog.clock_timestamp(), \"refreshes\" = ?, \"failures\" = ?"
            + " WHERE \"instance_id\" = ?")) {
      ps.setLong(1, stats.refreshes());
      ps.setLong(2, stats.failures());
      ps.setString(3, instanceId);
      ps.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "could not mark the scheduler instance stopped", e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
