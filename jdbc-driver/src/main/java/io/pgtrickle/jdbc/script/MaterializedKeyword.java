package io.pgtrickle.jdbc.script;

/**
 * The fast path: stream-table DDL always contains the word {@code MATERIALIZED}, so a string without
 * it (in any case) goes to PostgreSQL with no lexing at all.
 */
final class MaterializedKeyword {

  private static final String WORD = "materialized";

  private MaterializedKeyword() {}

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
