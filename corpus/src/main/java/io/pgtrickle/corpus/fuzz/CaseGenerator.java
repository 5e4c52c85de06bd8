package io.pgtrickle.corpus.fuzz;

import java.util.List;
import java.util.Random;

/** Builds the fuzz case of one seed: schema, initial rows, query and 3–6 DML steps. */
public final class CaseGenerator {

  private CaseGenerator() {}

  public static FuzzCase generate(long seed) {
    Random random = new Random(seed);
    List<FuzzTable> tables = SchemaGenerator.tables(random);
    DmlGenerator dml = new DmlGenerator(random, tables);
    List<String> setup = dml.setup();
    String query = new QueryGenerator(random, tables).query();
    return new FuzzCase("seed " + seed, setup, query, dml.steps(3 + random.nextInt(4)));
  }
}
