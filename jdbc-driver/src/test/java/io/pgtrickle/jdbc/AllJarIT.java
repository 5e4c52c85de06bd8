package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After {@code package}: the shaded all-jar, alone on a child JVM's class path, connects with
 * {@code DriverManager.getConnection("jdbc:pgtrickle://…")}, answers {@code SELECT version()}, and runs
 * a stream table through the engine found by ServiceLoader (with its relocated libraries).
 */
@PgTest
class AllJarIT {

  @Test
  void allJarWorksOnItsOwn(TestDatabase db) throws Exception {
    String allJar = System.getProperty("pgtrickle.all.jar");
    assumeTrue(allJar != null, "runs in the integration-test phase, after the all-jar is packaged");
    Path jar = Path.of(allJar);
    assertTrue(Files.isRegularFile(jar), "the all-jar exists: " + jar);
    Path probe = Path.of(System.getProperty("pgtrickle.probe.source", "src/test/probe/AllJarProbe.java"));
    assertTrue(Files.isRegularFile(probe), "the probe source exists: " + probe);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String password = db.properties().getProperty("password", "");
    Process process =
        new ProcessBuilder(
                List.of(java, "-cp", jar.toString(), probe.toString(), db.pgtrickleUrl(),
                    db.properties().getProperty("user"), password))
            .redirectErrorStream(true)
            .start();
    String output;
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the probe did not finish within 120 s");
      }
    } finally {
      output = read(process);
    }
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("connection=io.pgtrickle.jdbc.TrickleConnection"), output);
    assertTrue(output.contains("driver=io.pgtrickle.jdbc.PgTrickleDriver"), output);
    assertTrue(output.contains("version=PostgreSQL "), output);
    assertTrue(output.contains("product=PostgreSQL"), output);
    assertTrue(output.contains("unwrapped=org.postgresql.jdbc.PgConnection"), output);
    assertTrue(output.contains("created=2"), output);
    assertTrue(output.contains("rows=3"), output);
    assertTrue(output.contains("done"), output);
    // The relocated SLF4J inside the jar has a provider, so it prints no "no providers" warning.
    assertFalse(output.contains("SLF4J"), output);
  }

  private static String read(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
