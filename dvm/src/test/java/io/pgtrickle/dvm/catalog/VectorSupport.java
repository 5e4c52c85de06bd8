package io.pgtrickle.dvm.catalog;

import io.pgtrickle.testing.TestDatabase;

/** pgvector in tests: created when the server has it; its absence fails the build under CI. */
public final class VectorSupport {
  private VectorSupport() {}

  /**
   * Creates the {@code vector} extension in {@code db} and returns true, or returns false when the
   * server lacks it. With {@code CI=true} a missing pgvector is an error, never a silent skip.
   */
  public static boolean require(TestDatabase db) throws Exception {
    if (!db.extensionAvailable("vector")) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("pgvector is not installed on the test server (CI requires it)");
      }
      return false;
    }
    db.execute("CREATE EXTENSION IF NOT EXISTS vector");
    return true;
  }
}
