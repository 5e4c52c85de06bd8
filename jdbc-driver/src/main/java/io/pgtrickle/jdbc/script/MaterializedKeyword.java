package io.pgtrickle.jdbc.script;

/**
 * The fast path: stream-table DDL always contains the word {@code MATERIALIZED} and source DDL the
 * word {@code ALTER} or {@code DROP}, so a string without them (in any case) goes to PostgreSQL with
 * no lexing at all.
 */
final class MaterializedKeyword {

  private static final String WORD = "materialized";

  private MaterializedKeyword() {}

  /**
   * Whether {@code sql} may hold {@code ALTER|DROP TABLE|VIEW|SCHEMA} (source DDL): it contains
   * {@code alter} or {@code drop} in any case. Ordinary queries and DML rarely do, so they still go
   * to PostgreSQL without lexing.
   */
  static boolean mayAlterSourcesIn(String sql) {
    return contains(sql, "alter") || contains(sql, "drop");
  }

  private static boolean contains(String sql, String word) {
    int last = sql.length() - word.length();
    char lower = word.charAt(0);
    char upper = Character.toUpperCase(lower);
    for (int i = 0; i <= last; i++) {
      char c = sql.charAt(i);
      if ((c == lower || c == upper) && sql.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code sql} contains {@code materialized} in any case (anywhere, even in a comment). */
  static boolean mayAppearIn(String sql) {
    int last = sql.length() - WORD.length();
    for (int i = 0; i <= last; i++) {
      char c = sql.charAt(i);
      if ((c == 'm' || c == 'M') && sql.regionMatches(true, i, WORD, 0, WORD.length())) {
        return true;
      }
    }
    return false;
  }
}
