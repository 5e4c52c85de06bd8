package io.pgtrickle.corpus.fuzz;

import java.util.List;

/**
 * What the cases of one world share: the random schema, its initial rows and the DML steps. The world of
 * seed {@code s} is generated from {@link CaseGenerator#worldSeed(long) worldSeed(s)}, so the
 * {@value CaseGenerator#CASES_PER_WORLD} consecutive seeds of a world run their queries over the same sources
 * and changes.
 */
record FuzzWorld(long seed, List<FuzzTable> tables, List<String> setup, List<List<String>> steps) {

  FuzzWorld {
    tables = List.copyOf(tables);
    setup = List.copyOf(setup);
    steps = steps.stream().map(List::copyOf).toList();
  }
}
