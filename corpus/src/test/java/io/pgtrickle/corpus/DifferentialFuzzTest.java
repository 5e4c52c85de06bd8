package io.pgtrickle.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.corpus.fuzz.CaseRunner;
import io.pgtrickle.corpus.fuzz.FuzzCampaign;
import io.pgtrickle.corpus.check.JitOff;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * The randomized differential fuzzer, CI-sized: random schemas, queries and DML streams (see
 * {@code io.pgtrickle.corpus.fuzz}); after every refresh the stream table equals its query, equals its
 * FULL twin, and has no negative hidden count. Failures print a shrunk, self-contained reproducer.
 *
 * <p>{@code -Dpgtrickle.fuzz.cases=N} (default 150), {@code -Dpgtrickle.fuzz.minutes=M} (default 2.5) and
 * {@code -Dpgtrickle.seed=S} (the first case's seed) size and replay a run, {@code -Dpgtrickle.fuzz.log=F}
 * appends the progress and failures to a file; {@code scripts/fuzz.sh} is the long run.
 */
@PgTest
class DifferentialFuzzTest {

  @Test
  void randomCasesKeepEveryStreamTableEqualToItsQuery(TestDatabase db) throws Exception {
    int cases = Integer.getInteger("pgtrickle.fuzz.cases", 150);
    double minutes = Double.parseDouble(System.getProperty("pgtrickle.fuzz.minutes", "2.5"));
    long seed = Long.getLong("pgtrickle.seed", System.currentTimeMillis() % 100_000_000L * 100_000L);
    System.out.println("DifferentialFuzzTest: " + cases + " cases from seed " + seed);
    JitOff.on(db);
    try (Connection plain = db.connect();
        Connection trickle = DriverManager.getConnection(db.pgtrickleUrl(), db.properties())) {
      String logFile = System.getProperty("pgtrickle.fuzz.log");
      PrintStream out = logFile == null ? System.out
          : new PrintStream(new FileOutputStream(logFile, true), true, StandardCharsets.UTF_8);
      out.println("DifferentialFuzzTest: " + cases + " cases from seed " + seed);
      FuzzCampaign.Summary summary = new FuzzCampaign(new CaseRunner(plain, trickle), out)
          .run(seed, cases, (long) (minutes * 60_000), Math.max(1, Math.min(500, cases / 20)));
      out.println("DifferentialFuzzTest: " + summary + " (first seed " + seed + "); FULL because:\n"
          + summary.fallbackReport());
      if (out != System.out) {
        out.close();
      }
      assertTrue(summary.failures().isEmpty(), summary + "\n" + String.join("\n", summary.failures()));
      assertTrue(summary.cases() - summary.invalid() > 0, "no case ran: " + summary);
    }
  }
}
