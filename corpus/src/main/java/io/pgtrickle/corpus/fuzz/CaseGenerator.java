package io.pgtrickle.corpus.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Builds the fuzz case of one seed: schema, initial rows, query and 3–6 DML steps. The schema, rows and
 * steps come from the case's <em>world</em> (seeds {@code w … w + CASES_PER_WORLD - 1} share the world of
 * seed {@code w}, a multiple of {@link #CASES_PER_WORLD}); the query comes from the case's own seed. So a
 * campaign runs one world's queries side by side ({@link WorldRunner}), and every case is still the
 * self-contained {@link FuzzCase} that {@link #generate} returns.
 */
public final class CaseGenerator {

  /** Cases that share one world (a fixed constant: it is part of what a seed means). */
  public static final int CASES_PER_WORLD = 10;

  private CaseGenerator() {}

  public static FuzzCase generate(long seed) {
    FuzzWorld world = world(worldSeed(seed));
    return new FuzzCase("seed " + seed, world.setup(), query(world, seed), world.steps());
  }

  /** The seed of the world that case {@code seed} belongs to. */
  public static long worldSeed(long seed) {
    return seed - Math.floorMod(seed, CASES_PER_WORLD);
  }

  static FuzzWorld world(long worldSeed) {
    Random random = new Random(worldSeed);
    List<FuzzTable> tables = SchemaGenerator.tables(random);
    DmlGenerator dml = new DmlGenerator(random, tables);
    List<String> setup = dml.setup();
    return new FuzzWorld(worldSeed, tables, setup, dml.steps(3 + random.nextInt(4)));
  }

  static String query(FuzzWorld world, long seed) {
    return new QueryGenerator(new Random(seed * 0x9E3779B97F4A7C15L + 1), world.tables()).query();
  }
}
