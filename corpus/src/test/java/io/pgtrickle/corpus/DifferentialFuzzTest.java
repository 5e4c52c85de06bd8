package io.pgtrickle.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.corpus.fuzz.CaseRunner;
import io.pgtrickle.corpus.fuzz.FuzzCampaign;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.PostgresServer;
import io.pgtrickle.testing.TestDatabase;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The randomized differential fuzzer, CI-sized: random schemas, queries and DML streams (see
 * {@code io.pgtrickle.corpus.fuzz}); after every refresh the stream table equals its query, equals its
 * FULL twin, and has no negative hidden count. Failures print a shrunk, self-contained reproducer.
 *
 * <p>{@code -Dpgtrickle.fuzz.cases=N} (default 1500), {@code -Dpgtrickle.fuzz.minutes=M} (default 2.25; a started world finishes) and
 * {@code -Dpgtrickle.seed=S} (the first case's seed) size and replay a run, {@code -Dpgtrickle.fuzz.workers=K}
 * (default 1) runs K workers, each on its own database, {@code -Dpgtrickle.fuzz.log=F} appends the progress
 * and failures to a file; {@code scripts/fuzz.sh} is the long run.
 */
@PgTest
class DifferentialFuzzTest {

  @Test
  void randomCasesKeepEveryStreamTableEqualToItsQuery(TestDatabase db) throws Exception {
    int cases = Integer.getInteger("pgtrickle.fuzz.cases", 1500);
    double minutes = Double.parseDouble(System.getProperty("pgtrickle.fuzz.minutes", "2.25"));
    long seed = Long.getLong("pgtrickle.seed", System.currentTimeMillis() % 100_000_000L * 100_000L);
    int workers = Math.max(1, Integer.getInteger("pgtrickle.fuzz.workers", 1));
    String logFile = System.getProperty("pgtrickle.fuzz.log");
    PrintStream out = logFile == null ? System.out
        : new PrintStream(new FileOutputStream(logFile, true), true, StandardCharsets.UTF_8);
    PostgresServer server = db.server();
    List<String> databases = new ArrayList<>(List.of(db.name()));
    for (int w = 1; w < workers; w++) {
      databases.add(db.name() + "_w" + w);
      db.execute("CREATE DATABASE " + databases.get(w));
    }
    List<CaseRunner> runners = new ArrayList<>();
    try {
      for (String database : databases) {
        runners.add(new CaseRunner(trickle -> {
          if (trickle) {
            return DriverManager.getConnection(server.pgtrickleUrl(database), db.properties());
          }
          Connection plain = server.connect(database);
          try (var st = plain.createStatement()) {
            // the checker's own queries (the oracle runs each defining query over never-analysed tables);
            // the engine's statements run on the pgtrickle connection, with the server's default
            st.execute("SET jit = off");
          }
          return plain;
        }));
      }
      String start = "DifferentialFuzzTest: " + cases + " cases from seed " + seed + ", " + workers + " worker(s)";
      System.out.println(start);
      out.println(start);
      FuzzCampaign.Summary summary = new FuzzCampaign(runners, out)
          .run(seed, cases, (long) (minutes * 60_000), Math.max(1, Math.min(100, cases / 20)));
      String report = "DifferentialFuzzTest: " + summary + " (first seed " + seed + ", last seed "
          + (seed + summary.cases() - 1) + ")\nper operator kind:\n" + summary.operatorReport()
          + "FULL because:\n" + summary.fallbackReport();
      out.println(report);
      if (out != System.out) {
        System.out.println(report);
      }
      assertTrue(summary.failures().isEmpty(), summary + "\n" + String.join("\n", summary.failures()));
      assertTrue(summary.cases() - summary.invalid() > 0, "no case ran: " + summary);
    } finally {
      for (CaseRunner runner : runners) {
        runner.close();
      }
      for (String database : databases.subList(1, databases.size())) {
        db.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
      if (out != System.out) {
        out.close();
      }
    }
  }
}
