package io.pgtrickle.scheduler;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone scheduler (a sidecar process):
 *
 * <pre>
 * java -cp pgtrickle-jdbc-&lt;version&gt;-all.jar io.pgtrickle.scheduler.SchedulerMain \
 *     --url jdbc:postgresql://db:5432/app --user app --password-env PGPASSWORD
 * </pre>
 *
 * Options: {@code --url} (required; {@code jdbc:pgtrickle:} is accepted and read as
 * {@code jdbc:postgresql:}), {@code --user}, {@code --password-env NAME} (the password is read from
 * that environment variable, never from the command line), {@code --max-sleep-ms},
 * {@code --max-failures}. Runs until the process is stopped (SIGTERM stops it cleanly).
 */
public final class SchedulerMain {

  private SchedulerMain() {}

  public static void main(String[] args) throws Exception {
    SchedulerConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      usage(System.err, e.getMessage());
      System.exit(2);
      return;
    }
    Scheduler scheduler = new Scheduler(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      scheduler.close();
      stopped.countDown();
    }, "pgtrickle-scheduler-shutdown"));
    scheduler.start();
    System.out.println("pgtrickle scheduler " + scheduler.instanceId() + " running against "
        + config.jdbcUrl());
    stopped.await();
  }

  /** Parses the command line (package-private for tests). */
  static SchedulerConfig parse(String[] args) {
    String url = null;
    Properties props = new Properties();
    Duration maxSleep = null;
    Integer maxFailures = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + arg);
      }
      String value = args[++i];
      switch (arg) {
        case "--url" -> url = value.startsWith("jdbc:pgtrickle:")
            ? "jdbc:postgresql:" + value.substring("jdbc:pgtrickle:".length()) : value;
        case "--user" -> props.setProperty("user", value);
        case "--password-env" -> {
          String password = System.getenv(value);
          if (password == null) {
            throw new IllegalArgumentException("environment variable " + value + " is not set");
          }
          props.setProperty("password", password);
        }
        case "--max-sleep-ms" -> maxSleep = Duration.ofMillis(Long.parseLong(value));
        case "--max-failures" -> maxFailures = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--url jdbc:postgresql://host:port/database is required");
    }
    SchedulerConfig config = SchedulerConfig.defaults(url, props);
    if (maxSleep != null) {
      config = config.withMaxSleep(maxSleep);
    }
    if (maxFailures != null) {
      RetryPolicy r = config.retry();
      config = config.withRetry(new RetryPolicy(r.baseDelay(), r.maxDelay(), maxFailures));
    }
    return config;
  }

  private static void usage(PrintStream out, String problem) {
    out.println("pgtrickle scheduler: " + problem);
    out.println("usage: java -cp pgtrickle-jdbc-<version>-all.jar io.pgtrickle.scheduler.SchedulerMain"
        + " --url jdbc:postgresql://host:port/db [--user NAME] [--password-env VAR]"
        + " [--max-sleep-ms N] [--max-failures N]");
  }
}
