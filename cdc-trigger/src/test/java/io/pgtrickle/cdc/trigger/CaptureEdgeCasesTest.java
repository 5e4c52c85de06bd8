package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.spi.cdc.CaptureState;
import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** Odd names, COPY, replica sessions and concurrent installs. */
@PgTest
class CaptureEdgeCasesTest {

  private final TriggerCdcBackend backend = new TriggerCdcBackend();

  @Test
  void oddIdentifiersAreQuotedEverywhere(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      Jdbc.exec(
          c,
          "CREATE SCHEMA \"Odd Schema\"",
          "CREATE TABLE \"Odd Schema\".\"My \"\"Table\"\"\" (\"Id\" int PRIMARY KEY, \"we;ird \"\"col\"\"\" text,"
              + " \"$pgt$\" text, \"select\" int)");
      SourceRelation s = Db.source(c, "\"Odd Schema\".\"My \"\"Table\"\"\"");
      CaptureState state = backend.ensureCapture(c, s, Set.of("we;ird \"col\"", "$pgt$", "select"));
      assertEquals(List.of("Id", "we;ird \"col\"", "$pgt$", "select"), state.capturedColumns());
      Jdbc.exec(
          c,
          "INSERT INTO \"Odd Schema\".\"My \"\"Table\"\"\" VALUES (1, 'a', 'b', 2)",
          "UPDATE \"Odd Schema\".\"My \"\"Table\"\"\" SET \"select\" = 3");
      assertEquals(
          List.of("-1|1|a|b|2", "1|1|a|b|2", "1|1|a|b|3"),
          Db.buffer(c, s, "\"Id\", \"we;ird \"\"col\"\"\", \"$pgt$\", \"select\""));
    }
  }

  @Test
  void copyAndReplicaSessionsAreCaptured(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE cp (id int PRIMARY KEY, a text)");
      SourceRelation s = Db.source(c, "cp");
      backend.ensureCapture(c, s, Set.of("a"));
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY cp FROM STDIN", new StringReader("1\tx\n2\ty\n"));
      Jdbc.exec(c, "SET session_replication_role = replica", "DELETE FROM cp WHERE id = 2",
          "RESET session_replication_role");
      assertEquals(List.of("-1|2|y", "1|1|x", "1|2|y"), Db.buffer(c, s, "id, a"));
    }
  }

  @Test
  void concurrentInstallsOfManySourcesAndOfTheSameSource(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      for (int i = 0; i < 4; i++) {
        Jdbc.exec(c, "CREATE TABLE cc_" + i + " (id int PRIMARY KEY, a text, b text)");
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CaptureState>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String table = "cc_" + (i % 4);
        String column = i < 4 ? "a" : "b";
        Callable<CaptureState> install =
            () -> {
              try (Connection w = db.connect()) {
                return backend.ensureCapture(w, Db.source(w, table), Set.of(column));
              }
            };
        results.add(pool.submit(install));
      }
      for (Future<CaptureState> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = db.connect()) {
      for (int i = 0; i < 4; i++) {
        SourceRelation s = Db.source(c, "cc_" + i);
        CaptureState state = backend.ensureCapture(c, s, Set.of("a", "b"));
        assertEquals(Set.of("id", "a", "b"), Set.copyOf(state.capturedColumns()));
        Jdbc.exec(c, "INSERT INTO cc_" + i + " VALUES (1, 'x', 'y')");
        assertEquals(List.of("1|1|x|y"), Db.buffer(c, s, "id, a, b"));
      }
    }
  }
}
