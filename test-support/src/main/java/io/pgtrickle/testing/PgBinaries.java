package io.pgtrickle.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Locates the local PostgreSQL server binaries: env {@code PGTRICKLE_PG_BIN} (or {@code -Dpgtrickle.pg.bin}),
 * else the highest {@code /usr/lib/postgresql/N/bin}, else {@code pg_config --bindir}.
 */
final class PgBinaries {
  static final String BIN_ENV = "PGTRICKLE_PG_BIN";
  static final String BIN_PROPERTY = "pgtrickle.pg.bin";
  private static final List<String> REQUIRED = List.of("initdb", "pg_ctl", "postgres");

  private PgBinaries() {}

  /** The bin directory, or {@code null} (with a line added to {@code tried}) when there is none. */
  static Path locate(List<String> tried) {
    String configured = System.getProperty(BIN_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(BIN_ENV);
    }
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured.trim());
      if (!complete(dir)) {
        throw new IllegalStateException(BIN_ENV + "=" + dir + " does not contain " + REQUIRED);
      }
      return dir;
    }
    Optional<Path> debian = highestDebianBin();
    if (debian.isPresent()) {
      return debian.get();
    }
    Path fromPgConfig = fromPgConfig();
    if (fromPgConfig != null) {
      return fromPgConfig;
    }
    tried.add("local binaries: " + BIN_ENV + " not set, no /usr/lib/postgresql/*/bin with " + REQUIRED
        + ", no usable pg_config on PATH");
    return null;
  }

  private static Optional<Path> highestDebianBin() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
          .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
              .reversed())
          .map(p -> p.resolve("bin"))
          .filter(PgBinaries::complete)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path fromPgConfig() {
    OsCommand.Result r = OsCommand.run(null, Duration.ofSeconds(20), List.of("pg_config", "--bindir"));
    if (!r.ok()) {
      return null;
    }
    Path dir = Path.of(r.output().trim());
    return complete(dir) ? dir : null;
  }

  private static boolean complete(Path dir) {
    return REQUIRED.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
  }
}
