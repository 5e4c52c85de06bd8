package io.pgtrickle.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an operating-system command, optionally as another OS user (when the JVM runs as root). */
final class OsCommand {
  /** Exit code and combined stdout+stderr of a finished command. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private static volatile Boolean runuserWorks;

  private OsCommand() {}

  /**
   * Runs {@code command} in {@code workDir} with stdin from /dev/null, waiting at most {@code timeout}.
   * Environment variables starting with {@code PG} are removed so that a developer's PGDATA/PGPORT/… cannot
   * redirect initdb or pg_ctl.
   */
  static Result run(Path workDir, Duration timeout, List<String> command) {
    Path out = null;
    try {
      out = Files.createTempFile("pgtrickle-cmd-", ".out");
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (workDir != null) {
        pb.directory(workDir.toFile());
      }
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("PG"));
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        return new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
            + "\n" + Files.readString(out, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, "cannot run " + String.join(" ", command) + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted: " + String.join(" ", command));
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  /** Runs {@code command} as {@code osUser} ({@code null}: as the current user). */
  static Result runAs(String osUser, Path workDir, Duration timeout, List<String> command) {
    return run(workDir, timeout, asUser(osUser, command));
  }

  /** Wraps {@code command} with {@code runuser -u user --}, or {@code su user -s /bin/sh -c} as a fallback. */
  static List<String> asUser(String osUser, List<String> command) {
    if (osUser == null) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    if (runuserWorks(osUser)) {
      wrapped.add("runuser");
      wrapped.add("-u");
      wrapped.add(osUser);
      wrapped.add("--");
      wrapped.addAll(command);
    } else {
      wrapped.add("su");
      wrapped.add(osUser);
      wrapped.add("-s");
      wrapped.add("/bin/sh");
      wrapped.add("-c");
      StringBuilder sh = new StringBuilder();
      for (String arg : command) {
        sh.append(sh.length() == 0 ? "" : " ").append(shellQuote(arg));
      }
      wrapped.add(sh.toString());
    }
    return wrapped;
  }

  /** Whether the JVM runs as root (uid 0). */
  static boolean isRoot() {
    Result r = run(null, Duration.ofSeconds(10), List.of("id", "-u"));
    if (r.ok()) {
      return r.output().trim().equals("0");
    }
    return "root".equals(System.getProperty("user.name"));
  }

  /** Whether an OS user of that name exists. */
  static boolean userExists(String osUser) {
    return run(null, Duration.ofSeconds(10), List.of("id", "-u", osUser)).ok();
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  private static boolean runuserWorks(String osUser) {
    Boolean works = runuserWorks;
    if (works == null) {
      works = run(null, Duration.ofSeconds(10), List.of("runuser", "-u", osUser, "--", "true")).ok();
      runuserWorks = works;
    }
    return works;
  }

  /** Deletes a directory tree, ignoring what cannot be deleted. */
  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }
}
