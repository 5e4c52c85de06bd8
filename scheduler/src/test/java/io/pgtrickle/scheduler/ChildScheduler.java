package io.pgtrickle.scheduler;

import io.pgtrickle.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler in a JVM of its own, started the way an operator starts one: {@link SchedulerMain} on
 * the test's class path, the password passed through an environment variable. Closing it stops the
 * process with SIGTERM (the scheduler's shutdown hook stops it cleanly) and returns its output.
 */
final class ChildScheduler implements AutoCloseable {

  private static final String PASSWORD_ENV = "PGTRICKLE_CHILD_PASSWORD";

  private final Process process;
  private final Path output;

  private ChildScheduler(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code SchedulerMain} against {@code db} with a 500 ms maximum sleep. */
  static ChildScheduler start(TestDatabase db) throws IOException {
    Properties props = db.properties();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        SchedulerMain.class.getName(), "--url", db.jdbcUrl(), "--max-sleep-ms", "500"));
    if (props.getProperty("user") != null) {
      command.addAll(List.of("--user", props.getProperty("user")));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    if (props.getProperty("password") != null) {
      builder.environment().put(PASSWORD_ENV, props.getProperty("password"));
      command.addAll(List.of("--password-env", PASSWORD_ENV));
      builder.command(command);
    }
    Path output = Files.createTempFile("pgtrickle-child-scheduler", ".log");
    File log = output.toFile();
    builder.redirectErrorStream(true).redirectOutput(log);
    return new ChildScheduler(builder.start(), output);
  }

  /** Whether the process is still running. */
  boolean alive() {
    return process.isAlive();
  }

  /** What the process printed so far. */
  String output() throws IOException {
    return Files.readString(output);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    Files.deleteIfExists(output);
  }
}
