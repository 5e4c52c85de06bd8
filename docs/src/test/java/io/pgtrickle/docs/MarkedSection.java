package io.pgtrickle.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated region of a Markdown file, between {@code <!-- NAME:begin -->} and
 * {@code <!-- NAME:end -->}. Tests compare the region with what the code says; run the tests with
 * {@code -Dpgtrickle.docs.update=true} to rewrite the regions instead.
 */
final class MarkedSection {

  private final Path file;
  private final String begin;
  private final String end;

  MarkedSection(Path file, String name) {
    this.file = file;
    this.begin = "<!-- " + name + ":begin -->";
    this.end = "<!-- " + name + ":end -->";
  }

  /** The text between the markers, without the newline after the begin marker. */
  String read() throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(file + " has no " + begin + " … " + end + " region");
    }
    return text.substring(from + begin.length() + 1, to);
  }

  void write(String content) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String updated = text.substring(0, from + begin.length()) + "\n" + content + text.substring(to);
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  /** Whether the build asked to rewrite the generated regions rather than check them. */
  static boolean updateRequested() {
    return Boolean.getBoolean("pgtrickle.docs.update");
  }

  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + here);
  }
}
