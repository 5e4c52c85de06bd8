package io.pgtrickle.jdbc.sql;

/** The value a string-literal token stands for, decoded as PostgreSQL would. */
public final class Literals {

  private Literals() {}

  /**
   * The content of a {@link TokenKind#STRING} token: quotes removed, {@code ''} collapsed, backslash
   * escapes of {@code E'…'} (and of {@code '…'} when standard_conforming_strings is off) and Unicode
   * escapes of {@code U&'…'} decoded, dollar quotes stripped. {@code escape} is the {@code UESCAPE}
   * character for {@code U&'…'} (default backslash).
   */
  public static String stringValue(Token token, boolean standardConformingStrings, char escape) {
    String text = token.text();
    if (text.startsWith("$")) {
      int tagEnd = text.indexOf('$', 1) + 1;
      return text.substring(tagEnd, Math.max(tagEnd, text.length() - tagEnd));
    }
    char first = Character.toUpperCase(text.charAt(0));
    if (first == 'U') {
      return decodeUnicodeEscapes(body(text, 3), escape);
    }
    if (first == 'E') {
      return decodeBackslashEscapes(body(text, 2));
    }
    if (first == 'B' || first == 'X') {
      return body(text, 2).replace("''", "'");
    }
    if (first == 'N') {
      text = text.substring(1);
    }
    String body = body(text, 1);
    return standardConformingStrings ? body.replace("''", "'") : decodeBackslashEscapes(body);
  }

  private static String body(String text, int prefix) {
    boolean closed = text.length() > prefix && text.endsWith("'");
    return text.substring(prefix, closed ? text.length() - 1 : text.length());
  }

  /** Decodes {@code ''} and C-style backslash escapes as in an {@code E'…'} literal. */
  static String decodeBackslashEscapes(String body) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i += 2;
      } else if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        i++;
      } else {
        i = appendBackslashEscape(body, i + 1, out);
      }
    }
    return out.toString();
  }

  /** Appends the character escaped at {@code at} (just after the backslash); returns the next index. */
  private static int appendBackslashEscape(String body, int at, StringBuilder out) {
    char c = body.charAt(at);
    switch (c) {
      case 'b':
        out.append('\b');
        return at + 1;
      case 'f':
        out.append('\f');
        return at + 1;
      case 'n':
        out.append('\n');
        return at + 1;
      case 'r':
        out.append('\r');
        return at + 1;
      case 't':
        out.append('\t');
        return at + 1;
      case 'x':
        return appendCodePoint(body, at + 1, 2, 16, out, c);
      case 'u':
        return appendCodePoint(body, at + 1, 4, 16, out, c);
      case 'U':
        return appendCodePoint(body, at + 1, 8, 16, out, c);
      default:
        if (c >= '0' && c <= '7') {
          return appendCodePoint(body, at, 3, 8, out, c);
        }
        out.append(c);
        return at + 1;
    }
  }

  private static int appendCodePoint(
      String body, int from, int maxDigits, int radix, StringBuilder out, char fallback) {
    int end = from;
    while (end < body.length()
        && end - from < maxDigits
        && Character.digit(body.charAt(end), radix) >= 0) {
      end++;
    }
    if (end == from) {
      out.append(fallback);
      return from;
    }
    out.appendCodePoint(Integer.parseInt(body.substring(from, end), radix));
    return end;
  }

  /** Decodes {@code \XXXX} and {@code \+XXXXXX} (with {@code escape} for the backslash). */
  static String decodeUnicodeEscapes(String body, char escape) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i += 2;
      } else if (c != escape || i + 1 >= body.length()) {
        out.append(c);
        i++;
      } else if (body.charAt(i + 1) == escape) {
        out.append(escape);
        i += 2;
      } else if (body.charAt(i + 1) == '+' && hexDigits(body, i + 2, 6)) {
        out.appendCodePoint(Integer.parseInt(body.substring(i + 2, i + 8), 16));
        i += 8;
      } else if (hexDigits(body, i + 1, 4)) {
        out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 5), 16));
        i += 5;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean hexDigits(String body, int from, int count) {
    if (from + count > body.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (Character.digit(body.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
