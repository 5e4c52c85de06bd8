package io.pgtrickle.jdbc.ddl;

/**
 * Thrown inside the parser when a statement does not follow the stream-table grammar; the statement
 * then goes to PostgreSQL untouched, which reports its own syntax error if there is one.
 */
final class GrammarMismatch extends Exception {

  private static final long serialVersionUID = 1L;

  static final GrammarMismatch INSTANCE = new GrammarMismatch();

  private GrammarMismatch() {
    super("not stream-table DDL", null, false, false);
  }
}
