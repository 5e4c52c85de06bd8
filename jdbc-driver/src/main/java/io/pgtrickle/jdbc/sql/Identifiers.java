package io.pgtrickle.jdbc.sql;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's treatment of identifiers: unquoted ones are folded to lower case (ASCII letters
 * only), quoted ones keep their case with {@code ""} standing for {@code "}, {@code U&"…"} ones have
 * their Unicode escapes decoded, and every identifier is truncated to 63 bytes (NAMEDATALEN - 1).
 */
public final class Identifiers {

  /** PostgreSQL's default NAMEDATALEN - 1. */
  public static final int MAX_BYTES = 63;

  private Identifiers() {}

  /**
   * The identifier a word or quoted-identifier token stands for; {@code escape} is the character of
   * a {@code UESCAPE} clause following a {@code U&"…"} token (default backslash).
   */
  public static String identifier(Token token, char escape) {
    String text = token.text();
    String value;
    if (token.kind() == TokenKind.QUOTED_IDENTIFIER) {
      boolean unicode = text.charAt(0) == 'u' || text.charAt(0) == 'U';
      String body = text.substring(unicode ? 3 : 1, text.length() - 1).replace("\"\"", "\"");
      value = unicode ? Literals.decodeUnicodeEscapes(body, escape) : body;
    } else {
      value = fold(text);
    }
    return truncate(value);
  }

  /** An identifier token with the default escape character. */
  public static String identifier(Token token) {
    return identifier(token, '\\');
  }

  /** Lower-cases ASCII letters only, as PostgreSQL's {@code downcase_identifier} does for UTF-8. */
  public static String fold(String word) {
    StringBuilder folded = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (folded == null) {
          folded = new StringBuilder(word);
        }
        folded.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return folded == null ? word : folded.toString();
  }

  /** Cuts {@code identifier} to at most 63 UTF-8 bytes without splitting a character. */
  public static String truncate(String identifier) {
    if (identifier.length() * 3 <= MAX_BYTES
        || identifier.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return identifier;
    }
    int bytes = 0;
    int i = 0;
    while (i < identifier.length()) {
      int codePoint = identifier.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return identifier.substring(0, i);
  }
}
