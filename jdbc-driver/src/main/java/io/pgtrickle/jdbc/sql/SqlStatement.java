package io.pgtrickle.jdbc.sql;

import java.util.List;

/**
 * One statement of a (possibly multi-statement) SQL string: the source span {@code [start, end)}
 * before its terminating semicolon, {@code terminatorEnd} (just after the semicolon, or {@code end}
 * for the last statement without one) and its tokens (comments excluded).
 */
public record SqlStatement(String source, int start, int end, int terminatorEnd, List<Token> tokens) {

  public SqlStatement {
    tokens = List.copyOf(tokens);
  }

  /** The statement's text, without the terminating semicolon, untrimmed. */
  public String text() {
    return source.substring(start, end);
  }

  /** The statement's text including its terminating semicolon, if it had one. */
  public String textWithTerminator() {
    return source.substring(start, terminatorEnd);
  }

  /**
   * The text from the first to the last token, without surrounding whitespace and comments; empty
   * when the statement has no token.
   */
  public String coreText() {
    return tokens.isEmpty()
        ? ""
        : source.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
  }

  /** Whether the statement consists of whitespace only (PgJDBC sends nothing for it). */
  public boolean isWhitespaceOnly() {
    return tokens.isEmpty() && text().isBlank();
  }

  /** Whether the statement has no token but a comment (PgJDBC sends it; the server answers empty). */
  public boolean isCommentOnly() {
    return tokens.isEmpty() && !text().isBlank();
  }

  /** Whether the first token is the word {@code word} (case-insensitive). */
  public boolean startsWithWord(String word) {
    return !tokens.isEmpty() && tokens.get(0).isWord(word);
  }
}
