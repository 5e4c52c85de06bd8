package io.pgtrickle.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo exactly as {@code ./demo.sh} does — embedded PostgreSQL from a Maven artifact, no
 * installed server — and checks what it printed. The expected figures are worked out by hand from the
 * demo's own data, so a wrong refresh shows up here.
 */
class DemoTest {

  @Test
  void demoRunsOnEmbeddedPostgresAndRefreshesCorrectly() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (EmbeddedServer server = EmbeddedServer.start();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new Demo(out).run(server.pgtrickleUrl());
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    // Initial population: EU = orders 10, 11, 13; US = order 12; NULL region = order 14.
    assertContains(printed, "  EU | 3 | 242.50");
    assertContains(printed, "  US | 1 | 300.00");
    assertContains(printed, "  null | 1 | 7.00");
    // After insert 15 (US), 16 (EU), +1 on order 10, delete 14, and a refresh.
    assertContains(printed, "  EU | 4 | 253.50");
    assertContains(printed, "  US | 2 | 399.99");
    // The refresh ran differentially and rewrote only what changed: 3 stale group rows out, 2 new in.
    assertContains(printed, "  differential | 2 | 3 | refresh");
    assertContains(printed, "SQLSTATE 42809");
    assertContains(printed, "  0\n"); // no stream tables left after DROP
  }

  private static void assertContains(String printed, String expected) {
    assertTrue(printed.contains(expected), () -> "expected «" + expected + "» in:\n" + printed);
  }
}
