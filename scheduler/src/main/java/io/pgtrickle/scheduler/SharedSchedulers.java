package io.pgtrickle.scheduler;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-JVM schedulers started by the driver (connection property {@code pgtrickle.scheduler=true}):
 * one per database URL and user, started by the first connection that asks for it and stopped when the
 * last such connection closes, or at JVM exit. Thread-safe.
 */
public final class SharedSchedulers {

  private static final Logger LOG = System.getLogger(SharedSchedulers.class.getName());

  private static final Map<String, Entry> RUNNING = new HashMap<>();
  private static boolean hookInstalled;

  private SharedSchedulers() {}

  private static final class Entry {
    final Scheduler scheduler;
    int leases;

    Entry(Scheduler scheduler) {
      this.scheduler = scheduler;
    }
  }

  /** A connection's claim on the shared scheduler; {@link #close} releases it once. */
  public static final class Lease implements AutoCloseable {
    private final String key;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(String key) {
      this.key = key;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release(key);
      }
    }
  }

  /**
   * Starts the scheduler for {@code postgresUrl} (a {@code jdbc:postgresql:} URL) and the user in
   * {@code properties} unless it runs already, and leases it.
   */
  public static synchronized Lease acquire(String postgresUrl, Properties properties) {
    String key = postgresUrl + "\u0000" + properties.getProperty("user", "");
    Entry entry = RUNNING.get(key);
    if (entry == null) {
      entry = new Entry(new Scheduler(SchedulerConfig.defaults(postgresUrl, properties)).start());
      RUNNING.put(key, entry);
      installHook();
      LOG.log(Level.INFO, "started the in-JVM pgtrickle scheduler for {0}", postgresUrl);
    }
    entry.leases++;
    return new Lease(key);
  }

  /** Number of schedulers running in this JVM (tests). */
  public static synchronized int running() {
    return RUNNING.size();
  }

  private static synchronized void release(String key) {
    Entry entry = RUNNING.get(key);
    if (entry != null && --entry.leases == 0) {
      RUNNING.remove(key);
      entry.scheduler.close();
    }
  }

  private static void installHook() {
    if (!hookInstalled) {
      hookInstalled = true;
      Runtime.getRuntime().addShutdownHook(new Thread(SharedSchedulers::stopAll,
          "pgtrickle-scheduler-shutdown"));
    }
  }

  private static void stopAll() {
    Map<String, Entry> copy;
    synchronized (SharedSchedulers.class) {
      copy = new HashMap<>(RUNNING);
      RUNNING.clear();
    }
    copy.values().forEach(e -> e.scheduler.close());
  }
}
