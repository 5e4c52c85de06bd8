package io.pgtrickle.corpus.check;

import io.pgtrickle.testing.TestDatabase;
import java.sql.SQLException;

/**
 * Turns PostgreSQL's JIT off for a test database. The delta queries of multi-join stream tables are large
 * and their cost estimates high, so PostgreSQL JIT-compiles them: on tiny fuzz tables that measured 20 s of
 * compilation for a 0.2 ms execution. The corpus checks correctness, not JIT; the refresh engine itself
 * should run its delta queries without JIT (reported, not changed here).
 */
public final class JitOff {

  private JitOff() {}

  public static void on(TestDatabase db) throws SQLException {
    db.execute("ALTER DATABASE " + db.name() + " SET jit = off");
  }
}
