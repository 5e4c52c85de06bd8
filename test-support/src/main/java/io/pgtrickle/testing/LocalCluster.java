package io.pgtrickle.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster made with the local binaries: initdb into a fresh directory, start on a
 * random port bound to 127.0.0.1, stop and delete at JVM exit.
 *
 * <p>As a normal user the cluster lives under {@code -Dpgtrickle.build.dir} (Maven passes
 * {@code ${project.build.directory}}) or the temp directory. As root (initdb refuses root) it lives in a fresh
 * directory under {@code /tmp} owned by the {@code postgres} OS user (or {@code PGTRICKLE_PG_OS_USER}), and
 * every command runs through {@code runuser}/{@code su}; nothing the server touches is inside the checkout,
 * which that user may not be able to enter.
 */
final class LocalCluster {
  static final String BUILD_DIR_PROPERTY = "pgtrickle.build.dir";
  static final String OS_USER_ENV = "PGTRICKLE_PG_OS_USER";
  static final String SUPERUSER = "postgres";
  private static final String DIR_PREFIX = "pgtrickle-pg-";
  private static final String OWNER_FILE = "owner-jvm.pid";
  private static final int PORT_ATTEMPTS = 6;
  private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration CTL_TIMEOUT = Duration.ofSeconds(90);
  private static final System.Logger LOG = System.getLogger(LocalCluster.class.getName());

  private final Path bin;
  private final Path base;
  private final Path data;
  private final Path logFile;
  private final String osUser;
  private int port;

  private LocalCluster(Path bin, Path base, String osUser) {
    this.bin = bin;
    this.base = base;
    this.data = base.resolve("data");
    this.logFile = base.resolve("server.log");
    this.osUser = osUser;
  }

  /** Starts a cluster, or returns {@code null} when there are no local binaries. */
  static PostgresServer startIfBinariesPresent(List<String> tried) {
    Path bin = PgBinaries.locate(tried);
    if (bin == null) {
      return null;
    }
    String osUser = null;
    Path parent;
    if (OsCommand.isRoot()) {
      osUser = envOr(OS_USER_ENV, "postgres");
      if (!OsCommand.userExists(osUser)) {
        throw new IllegalStateException("the JVM runs as root, which initdb refuses, and OS user '" + osUser
            + "' does not exist (set " + OS_USER_ENV + " to an unprivileged user)");
      }
      parent = Path.of("/tmp");
    } else {
      String buildDir = System.getProperty(BUILD_DIR_PROPERTY);
      parent = buildDir == null || buildDir.isBlank()
          ? Path.of(System.getProperty("java.io.tmpdir"))
          : Path.of(buildDir).toAbsolutePath();
    }
    removeStaleClusters(parent, bin, osUser);
    LocalCluster cluster = new LocalCluster(bin, createBase(parent, osUser), osUser);
    try {
      cluster.initdb();
      cluster.configure();
      cluster.start();
    } catch (RuntimeException e) {
      cluster.stopAndDelete();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "pgtrickle-pg-stop"));
    return new PostgresServer("127.0.0.1", cluster.port, SUPERUSER, null, "postgres", null, cluster.describe());
  }

  String describe() {
    return "local cluster " + bin + " on 127.0.0.1:" + port + " (data " + data
        + (osUser == null ? "" : ", OS user " + osUser) + ")";
  }

  private static Path createBase(Path parent, String osUser) {
    try {
      Files.createDirectories(parent);
      Path base = Files.createTempDirectory(parent, DIR_PREFIX);
      Files.writeString(base.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      if (osUser != null) {
        OsCommand.Result chown = OsCommand.run(null, Duration.ofSeconds(20),
            List.of("chown", "-R", osUser, base.toString()));
        if (!chown.ok()) {
          throw new IllegalStateException("chown " + osUser + " " + base + " failed: " + chown.output());
        }
      }
      return base;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cluster directory under " + parent, e);
    }
  }

  private void initdb() {
    List<String> common = List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
        "--auth=trust", "-E", "UTF8", "--no-sync");
    OsCommand.Result r = runAsOwner(INITDB_TIMEOUT, concat(common, "--locale=C.UTF-8"));
    if (!r.ok()) {
      LOG.log(Level.DEBUG, "initdb --locale=C.UTF-8 failed, retrying with --no-locale:\n{0}", r.output());
      deleteData();
      r = runAsOwner(INITDB_TIMEOUT, concat(common, "--no-locale"));
    }
    if (!r.ok()) {
      throw new IllegalStateException("initdb failed (exit " + r.exitCode() + "):\n" + tail(r.output(), 40));
    }
  }

  private void deleteData() {
    runAsOwner(Duration.ofSeconds(30), List.of("rm", "-rf", data.toString()));
  }

  private void configure() {
    // The socket path must fit in sun_path (107 bytes); a very deep build directory gets TCP only.
    String socketDir = base.resolve(".s.PGSQL.65535").toString().length() <= 100 ? base.toString() : "";
    String conf = "\n# pgtrickle test cluster\n"
        + "listen_addresses = '127.0.0.1'\n"
        + "unix_socket_directories = '" + socketDir.replace("'", "''") + "'\n"
        + "wal_level = logical\n"
        + "max_replication_slots = 20\n"
        + "max_wal_senders = 20\n"
        + "fsync = off\n"
        + "synchronous_commit = off\n"
        + "full_page_writes = off\n"
        + "max_connections = 200\n"
        + "shared_buffers = 128MB\n"
        + "max_locks_per_transaction = 256\n"
        + "log_min_messages = warning\n"
        + "log_line_prefix = '%m [%p] %d '\n";
    try {
      Files.writeString(data.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + data.resolve("postgresql.conf"), e);
    }
  }

  private void start() {
    String lastFailure = "";
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      port = freePort();
      OsCommand.Result r = runAsOwner(CTL_TIMEOUT, List.of(bin.resolve("pg_ctl").toString(), "-D",
          data.toString(), "-l", logFile.toString(), "-w", "-t", "60", "-o", "-p " + port, "start"));
      if (r.ok()) {
        return;
      }
      String log = tail(readLog(), 40);
      lastFailure = "pg_ctl start on port " + port + " failed (exit " + r.exitCode() + "):\n" + r.output().trim()
          + "\n--- tail of " + logFile + " ---\n" + log;
      if (!isPortClash(log)) {
        break;
      }
      LOG.log(Level.INFO, "port {0} was taken, retrying on another port", String.valueOf(port));
      runAsOwner(CTL_TIMEOUT, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
          "immediate", "stop"));
    }
    throw new IllegalStateException(lastFailure);
  }

  private static boolean isPortClash(String log) {
    return log.contains("Address already in use") || log.contains("could not bind")
        || log.contains("could not create any TCP/IP sockets");
  }

  /** Stops the server (immediate) and deletes the directory; the log is kept under the build dir. */
  void stopAndDelete() {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      runAsOwner(CTL_TIMEOUT, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
          "immediate", "-w", "stop"));
    }
    keepLog();
    OsCommand.deleteTree(base);
  }

  private void keepLog() {
    String buildDir = System.getProperty(BUILD_DIR_PROPERTY);
    if (buildDir == null || buildDir.isBlank() || !Files.exists(logFile)) {
      return;
    }
    try {
      Path logs = Files.createDirectories(Path.of(buildDir, "postgres-logs"));
      Files.copy(logFile, logs.resolve("server-" + ProcessHandle.current().pid() + ".log"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException ignored) {
      // the log is a convenience
    }
  }

  private String readLog() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "(no server log)";
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  private OsCommand.Result runAsOwner(Duration timeout, List<String> command) {
    return OsCommand.runAs(osUser, base, timeout, command);
  }

  /**
   * Clusters left behind by JVMs that were killed (no shutdown hook ran): their owner pid is gone. They are
   * stopped and deleted; clusters of live JVMs are left alone.
   */
  private static void removeStaleClusters(Path parent, Path bin, String osUser) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(parent)) {
      dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX)).forEach(d -> {
        Path owner = d.resolve(OWNER_FILE);
        try {
          long pid = Long.parseLong(Files.readString(owner).trim());
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return;
          }
          stale.add(d);
        } catch (IOException | NumberFormatException | SecurityException ignored) {
          // not ours, or unreadable: leave it
        }
      });
    } catch (IOException ignored) {
      return;
    }
    for (Path d : stale) {
      LOG.log(Level.INFO, "removing stale test cluster {0}", d);
      new LocalCluster(bin, d, osUser).stopAndDelete();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
    }
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> all = new ArrayList<>(list);
    all.add(last);
    return all;
  }

  static String tail(String text, int lines) {
    String[] all = text.split("\n", -1);
    int from = Math.max(0, all.length - lines);
    return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length)).strip();
  }
}
