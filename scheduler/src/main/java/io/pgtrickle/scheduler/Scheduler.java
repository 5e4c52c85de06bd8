package io.pgtrickle.scheduler;

import io.pgtrickle.refresh.action.PendingActions;
import io.pgtrickle.refresh.catalog.CatalogState;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One scheduler instance: a daemon thread that refreshes due stream tables of one database.
 *
 * <p>Each tick reads the catalog ({@link TickState}), resolves schedules and refresh units
 * ({@link StreamGraph}), and runs every due unit through {@link UnitRunner} in topological order, each
 * in a short transaction of its own. Between ticks it sleeps until the next stream table is due, at
 * most {@link SchedulerConfig#maxSleep()}, and wakes early on {@code NOTIFY pgtrickle_wake} (sent by
 * the change-capture triggers when a writer commits). Two connections: the work connection
 * (auto-commit between units, never idle in a transaction) and a listening one (auto-commit). Any
 * number of instances, in any number of JVMs, may run against one database: units are claimed with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
public final class Scheduler implements AutoCloseable {

  private static final Logger LOG = System.getLogger(Scheduler.class.getName());

  /** The channel the capture triggers notify. */
  public static final String WAKE_CHANNEL = "pgtrickle_wake";

  private final SchedulerConfig config;
  private final String instanceId;
  private final SchedulerStats stats = new SchedulerStats();
  private final InstanceHeartbeat heartbeat;
  private long lastActionSweepNanos = System.nanoTime() - Long.MAX_VALUE / 2;
  private final UnitRunner runner;
  private final CatalogState catalogState = new CatalogState();
  private volatile boolean running;
  private Thread thread;
  private Connection work;
  private volatile Connection listener;
  private String lastGraphProblem;

  public Scheduler(SchedulerConfig config) {
    this.config = config;
    this.instanceId = UUID.randomUUID().toString();
    this.heartbeat = new InstanceHeartbeat(instanceId, config.heartbeat());
    this.runner = new UnitRunner(instanceId, config.retry(), stats);
  }

  /** The random id of this instance (its row in {@code pgt_scheduler_instances}). */
  public String instanceId() {
    return instanceId;
  }

  /** Refreshes completed by this instance so far. */
  public long refreshes() {
    return stats.refreshes();
  }

  /** Starts the daemon thread; idempotent. */
  public synchronized Scheduler start() {
    if (thread == null) {
      running = true;
      thread = new Thread(this::loop, "pgtrickle-scheduler-" + instanceId.substring(0, 8));
      thread.setDaemon(true);
      thread.start();
      LOG.log(Level.INFO, "pgtrickle scheduler {0} started", instanceId);
    }
    return this;
  }

  /** Stops the thread (waits up to 10 s for a running refresh to finish) and closes connections. */
  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    running = false;
    Connection l = listener;
    if (l != null) {
      try {
        l.close(); // ends a blocking wait for notifications
      } catch (SQLException e) {
        LOG.log(Level.DEBUG, "closing the listening connection", e);
      }
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    LOG.log(Level.INFO, "pgtrickle scheduler {0} stopped", instanceId);
  }

  /** Runs one tick on the calling thread (tests and the loop): returns how long to sleep after it. */
  Duration tick() throws SQLException {
    ensureConnected();
    if (!catalogReady()) {
      return config.maxSleep();
    }
    heartbeat.beatIfDue(work, stats);
    stats.ticked();
    TickState state = TickState.read(work);
    Map<Long, EffectiveSchedule> schedules;
    List<StreamGraph.Unit> units;
    try {
      schedules = state.graph().schedules(config.calculatedFallback(), config.cronZone());
      units = state.graph().units();
      lastGraphProblem = null;
    } catch (StreamGraph.CycleException e) {
      if (!e.getMessage().equals(lastGraphProblem)) {
        LOG.log(Level.ERROR, "pgtrickle scheduler cannot order the stream tables: {0}", e.getMessage());
        lastGraphProblem = e.getMessage();
      }
      return config.maxSleep();
    }
    Duration sleep = config.maxSleep();
    boolean refreshed = false;
    for (StreamGraph.Unit unit : units) {
      List<UnitRunner.Member> members = new ArrayList<>();
      Optional<Instant> next = Optional.empty();
      for (StreamGraph.Node node : unit.members()) {
        TickState.Row row = state.rows().get(node.relid());
        EffectiveSchedule schedule = schedules.get(node.relid());
        if (row == null || !row.schedulable(state.now())) {
          continue;
        }
        members.add(new UnitRunner.Member(node, schedule));
        Optional<Instant> due = schedule.nextDue(row.populated() ? row.lastRefreshAt() : null);
        if (due.isPresent() && (next.isEmpty() || due.get().isBefore(next.get()))) {
          next = due;
        }
      }
      if (members.isEmpty() || next.isEmpty()) {
        continue;
      }
      if (!next.get().isAfter(state.now())) {
        refreshed |= runner.run(work, members, members.size() > 1) == UnitRunner.Result.REFRESHED;
      } else {
        Duration until = Duration.between(state.now(), next.get());
        if (until.compareTo(sleep) < 0) {
          sleep = until;
        }
      }
    }
    runPostRefreshActions(refreshed);
    return sleep;
  }

  /**
   * The low-priority queue: after the tick's refreshes (and at least once per heartbeat interval, for
   * actions a manual REFRESH left pending), runs every pending post-refresh action. A failure is
   * logged; the tick goes on.
   */
  private void runPostRefreshActions(boolean refreshed) {
    long now = System.nanoTime();
    if (!refreshed && now - lastActionSweepNanos < config.heartbeat().toNanos()) {
      return;
    }
    lastActionSweepNanos = now;
    try {
      int ran = PendingActions.runPending(work, null);
      if (ran > 0) {
        LOG.log(Level.DEBUG, "ran {0} post-refresh action(s)", ran);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "post-refresh actions stay pending (SQLSTATE " + e.getSQLState() + ")", e);
    }
  }

  private void loop() {
    Duration failureBackoff = Duration.ofMillis(500);
    while (running) {
      try {
        Duration sleep = tick();
        failureBackoff = Duration.ofMillis(500);
        awaitWake(sleep);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        LOG.log(Level.WARNING, "pgtrickle scheduler tick failed; reconnecting in " + failureBackoff, e);
        closeConnections();
        sleepQuietly(failureBackoff);
        failureBackoff = failureBackoff.multipliedBy(2).compareTo(config.maxSleep()) > 0
            ? config.maxSleep() : failureBackoff.multipliedBy(2);
      }
    }
    if (work != null) {
      heartbeat.stopped(work, stats);
    }
    closeConnections();
  }

  /** Waits for a wake-up notification or until {@code sleep} has passed. */
  private void awaitWake(Duration sleep) throws SQLException {
    long millis = Math.max(1, sleep.toMillis());
    PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications((int) Math.min(millis, Integer.MAX_VALUE));
    if (got != null && got.length > 0) {
      LOG.log(Level.TRACE, "woken by {0} notification(s), first for source {1}", got.length,
          got[0].getParameter());
    }
  }

  private boolean catalogReady() throws SQLException {
    if (TickState.catalogExists(work)) {
      return true;
    }
    // no catalog yet, or one before the scheduler's migration: upgrade an existing one, else wait
    try (Statement st = work.createStatement();
        java.sql.ResultSet rs = st.executeQuery(
            "SELECT pg_catalog.to_regclass('\"pgtrickle\".\"pgt_stream_tables\"') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return false;
      }
    }
    work.setAutoCommit(false);
    try {
      catalogState.ensureCurrent(work);
      work.commit();
    } catch (SQLException e) {
      work.rollback();
      throw e;
    } finally {
      work.setAutoCommit(true);
    }
    return TickState.catalogExists(work);
  }

  private void ensureConnected() throws SQLException {
    if (work == null || work.isClosed()) {
      work = DriverManager.getConnection(config.jdbcUrl(), config.properties());
      work.setAutoCommit(true);
    }
    if (listener == null || listener.isClosed()) {
      Connection l = DriverManager.getConnection(config.jdbcUrl(), config.properties());
      l.setAutoCommit(true);
      try (Statement st = l.createStatement()) {
        st.execute("LISTEN " + WAKE_CHANNEL);
      }
      listener = l;
    }
  }

  private void closeConnections() {
    for (Connection c : new Connection[] {work, listener}) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          LOG.log(Level.DEBUG, "closing a scheduler connection", e);
        }
      }
    }
    work = null;
    listener = null;
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
