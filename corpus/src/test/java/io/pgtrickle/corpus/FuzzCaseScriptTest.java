package io.pgtrickle.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.corpus.fuzz.CaseGenerator;
import io.pgtrickle.corpus.fuzz.FuzzCase;
import io.pgtrickle.corpus.fuzz.Shrinker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fuzz cases without a database: seeded generation, the reproducer script format, and shrinking. */
class FuzzCaseScriptTest {

  @Test
  void aSeedAlwaysGivesTheSameCaseAndOtherSeedsOthers() {
    assertEquals(CaseGenerator.generate(42).script(), CaseGenerator.generate(42).script());
    assertNotEquals(CaseGenerator.generate(42).script(), CaseGenerator.generate(43).script());
  }

  @Test
  void theCasesOfAWorldShareSchemaDataAndDmlAndDifferInTheirQuery() {
    FuzzCase first = CaseGenerator.generate(8_000_000);
    java.util.Set<String> queries = new java.util.HashSet<>();
    for (long seed = 8_000_000; seed < 8_000_000 + CaseGenerator.CASES_PER_WORLD; seed++) {
      FuzzCase c = CaseGenerator.generate(seed);
      assertEquals(8_000_000, CaseGenerator.worldSeed(seed));
      assertEquals(first.setup(), c.setup(), "seed " + seed);
      assertEquals(first.steps(), c.steps(), "seed " + seed);
      queries.add(c.query());
    }
    assertTrue(queries.size() > CaseGenerator.CASES_PER_WORLD / 2, queries.toString());
    FuzzCase next = CaseGenerator.generate(8_000_000 + CaseGenerator.CASES_PER_WORLD);
    assertNotEquals(first.setup(), next.setup());
    assertEquals(-10, CaseGenerator.worldSeed(-1));
  }

  @Test
  void theScriptReadsBackAsTheSameCase() {
    for (long seed = 0; seed < 200; seed++) {
      FuzzCase c = CaseGenerator.generate(seed);
      FuzzCase back = FuzzCase.parse(c.script());
      assertEquals(c, back, "seed " + seed);
      assertTrue(c.tables().size() >= 2 && c.tables().size() <= 5, c.tables().toString());
    }
  }

  @Test
  void shrinkingKeepsOnlyWhatTheFailureNeeds() throws Exception {
    FuzzCase failing = new FuzzCase("seed 1",
        List.of("CREATE TABLE t1 (id int, k int)", "INSERT INTO t1 (id, k) VALUES (1, 1)",
            "INSERT INTO t1 (id, k) VALUES (2, NULL)", "INSERT INTO t1 (id, k) VALUES (3, 2)"),
        "SELECT k FROM t1",
        List.of(List.of("DELETE FROM t1 WHERE k = 1", "UPDATE t1 SET k = 3 WHERE k IS NULL"),
            List.of("INSERT INTO t1 (id, k) VALUES (4, 1)"),
            List.of("TRUNCATE t1", "INSERT INTO t1 (id, k) VALUES (5, 0)")));
    // "fails" while the NULL row and the UPDATE are both there
    Shrinker.Check check = c -> c.setup().contains("INSERT INTO t1 (id, k) VALUES (2, NULL)")
        && c.steps().stream().anyMatch(s -> s.contains("UPDATE t1 SET k = 3 WHERE k IS NULL"));
    FuzzCase shrunk = new Shrinker(check, 100).shrink(failing);
    assertEquals(List.of("CREATE TABLE t1 (id int, k int)", "INSERT INTO t1 (id, k) VALUES (2, NULL)"),
        shrunk.setup());
    assertEquals(List.of(List.of("UPDATE t1 SET k = 3 WHERE k IS NULL")), shrunk.steps());
    assertEquals("seed 1 (shrunk)", shrunk.origin());
  }
}
