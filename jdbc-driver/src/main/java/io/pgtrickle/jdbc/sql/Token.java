package io.pgtrickle.jdbc.sql;

/**
 * One lexical token: its kind, its exact source text and its offsets {@code [start, end)} in the
 * string that was lexed. {@code terminated} is false for a quoted token (string, quoted identifier)
 * that ran to the end of the input without its closing quote.
 */
public record Token(TokenKind kind, String text, int start, int end, boolean terminated) {

  /** Whether this is an unquoted word (keyword or identifier). */
  public boolean isWord() {
    return kind == TokenKind.KEYWORD || kind == TokenKind.IDENTIFIER;
  }

  /** Whether this is the unquoted word {@code word}, compared case-insensitively. */
  public boolean isWord(String word) {
    return isWord() && text.equalsIgnoreCase(word);
  }

  /** Whether this is the punctuation or operator {@code symbol} exactly. */
  public boolean isSymbol(String symbol) {
    return (kind == TokenKind.PUNCTUATION || kind == TokenKind.OPERATOR) && text.equals(symbol);
  }

  /** Whether this token ends exactly where {@code next} begins (no whitespace or comment between). */
  public boolean touches(Token next) {
    return end == next.start;
  }
}
