package io.pgtrickle.jdbc.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link Token}s the way PostgreSQL's scanner does, as far as statement
 * splitting and the stream-table grammar need: whitespace and comments ({@code --…} to end of line,
 * nested {@code /* /* *&#47; *&#47;}) produce no token; {@code '…'} with {@code ''}, {@code E'…'} with
 * backslash escapes, {@code U&'…'}, {@code B'…'}, {@code X'…'}, {@code N'…'}, {@code "…"} with
 * {@code ""}, {@code U&"…"} and {@code $tag$…$tag$} each produce one token however many semicolons
 * they contain.
 *
 * <p>With {@code standardConformingStrings} off (PostgreSQL's {@code standard_conforming_strings}),
 * a backslash escapes the next character in plain {@code '…'} strings too. An unterminated quoted
 * token or comment runs to the end of the input; the lexer never throws.
 */
public final class SqlLexer {

  private final String sql;
  private final boolean standardConformingStrings;
  private final int length;
  private int pos;

  private SqlLexer(String sql, boolean standardConformingStrings) {
    this.sql = sql;
    this.standardConformingStrings = standardConformingStrings;
    this.length = sql.length();
  }

  /** The tokens of {@code sql}, in source order. */
  public static List<Token> tokenize(String sql, boolean standardConformingStrings) {
    return new SqlLexer(sql, standardConformingStrings).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespaceAndComments();
      if (pos >= length) {
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespaceAndComments() {
    while (pos < length) {
      char c = sql.charAt(pos);
      if (isWhitespace(c)) {
        pos++;
      } else if (startsLineComment(pos)) {
        while (pos < length && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
          pos++;
        }
      } else if (startsBlockComment(pos)) {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  private void skipBlockComment() {
    int depth = 0;
    while (pos < length) {
      if (startsBlockComment(pos)) {
        depth++;
        pos += 2;
      } else if (sql.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    char c1 = charAt(pos + 1);
    switch (c) {
      case '\'':
        return quoted(start, pos, TokenKind.STRING, '\'', !standardConformingStrings);
      case '"':
        return quoted(start, pos, TokenKind.QUOTED_IDENTIFIER, '"', false);
      case '$':
        return dollar(start);
      case 'e':
      case 'E':
        if (c1 == '\'') {
          return quoted(start, pos + 1, TokenKind.STRING, '\'', true);
        }
        break;
      case 'b':
      case 'B':
      case 'x':
      case 'X':
      case 'n':
      case 'N':
        if (c1 == '\'') {
          boolean backslashes = (c == 'n' || c == 'N') && !standardConformingStrings;
          return quoted(start, pos + 1, TokenKind.STRING, '\'', backslashes);
        }
        break;
      case 'u':
      case 'U':
        if (c1 == '&' && charAt(pos + 2) == '\'') {
          return quoted(start, pos + 2, TokenKind.STRING, '\'', false);
        }
        if (c1 == '&' && charAt(pos + 2) == '"') {
          return quoted(start, pos + 2, TokenKind.QUOTED_IDENTIFIER, '"', false);
        }
        break;
      default:
        break;
    }
    if (isIdentifierStart(c)) {
      return word(start);
    }
    if (isDigit(c) || (c == '.' && isDigit(c1))) {
      return number(start);
    }
    if (c == ':' && c1 == ':') {
      pos += 2;
      return token(TokenKind.OPERATOR, start);
    }
    if (isOperatorChar(c)) {
      return operator(start);
    }
    pos++;
    return token(TokenKind.PUNCTUATION, start);
  }

  /** A quoted token whose opening quote is at {@code quoteAt}; a doubled quote stands for one. */
  private Token quoted(int start, int quoteAt, TokenKind kind, char quote, boolean backslashEscapes) {
    pos = quoteAt + 1;
    while (pos < length) {
      char c = sql.charAt(pos);
      if (backslashEscapes && c == '\\') {
        pos += 2;
      } else if (c == quote) {
        if (charAt(pos + 1) == quote) {
          pos += 2;
        } else {
          pos++;
          return token(kind, start);
        }
      } else {
        pos++;
      }
    }
    pos = length;
    return new Token(kind, sql.substring(start), start, length, false);
  }

  /** {@code $1} (parameter), {@code $tag$…$tag$} / {@code $$…$$} (string), or a lone {@code $}. */
  private Token dollar(int start) {
    if (isDigit(charAt(start + 1))) {
      pos = start + 1;
      while (pos < length && isDigit(sql.charAt(pos))) {
        pos++;
      }
      return token(TokenKind.PARAMETER, start);
    }
    int tagEnd = start + 1;
    if (tagEnd < length && isDollarTagStart(sql.charAt(tagEnd))) {
      while (tagEnd < length && isDollarTagPart(sql.charAt(tagEnd))) {
        tagEnd++;
      }
    }
    if (charAt(tagEnd) != '$') {
      pos = start + 1;
      return token(TokenKind.PUNCTUATION, start);
    }
    String delimiter = sql.substring(start, tagEnd + 1);
    int close = sql.indexOf(delimiter, tagEnd + 1);
    if (close < 0) {
      pos = length;
      return new Token(TokenKind.STRING, sql.substring(start), start, length, false);
    }
    pos = close + delimiter.length();
    return token(TokenKind.STRING, start);
  }

  private Token word(int start) {
    pos = start + 1;
    while (pos < length && isIdentifierPart(sql.charAt(pos))) {
      pos++;
    }
    String text = sql.substring(start, pos);
    TokenKind kind = Keywords.isKeyword(text) ? TokenKind.KEYWORD : TokenKind.IDENTIFIER;
    return new Token(kind, text, start, pos, true);
  }

  private Token number(int start) {
    pos = start;
    digits();
    if (charAt(pos) == '.' && charAt(pos + 1) != '.') {
      pos++;
      digits();
    }
    char e = charAt(pos);
    if (e == 'e' || e == 'E') {
      int mark = pos;
      pos++;
      if (charAt(pos) == '+' || charAt(pos) == '-') {
        pos++;
      }
      if (isDigit(charAt(pos))) {
        digits();
      } else {
        pos = mark;
      }
    }
    return token(TokenKind.NUMBER, start);
  }

  private void digits() {
    while (pos < length && (isDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
      pos++;
    }
  }

  /** A run of operator characters; a {@code --} or {@code /*} inside it starts a comment instead. */
  private Token operator(int start) {
    pos = start;
    while (pos < length
        && isOperatorChar(sql.charAt(pos))
        && (pos == start || !(startsLineComment(pos) || startsBlockComment(pos)))) {
      pos++;
    }
    return token(TokenKind.OPERATOR, start);
  }

  private Token token(TokenKind kind, int start) {
    return new Token(kind, sql.substring(start, pos), start, pos, true);
  }

  private boolean startsLineComment(int at) {
    return sql.charAt(at) == '-' && charAt(at + 1) == '-';
  }

  private boolean startsBlockComment(int at) {
    return sql.charAt(at) == '/' && charAt(at + 1) == '*';
  }

  private char charAt(int at) {
    return at < length ? sql.charAt(at) : '\0';
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isDollarTagStart(char c) {
    return isIdentifierStart(c);
  }

  private static boolean isDollarTagPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }

  static boolean isOperatorChar(char c) {
    return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
  }
}
