package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.jdbc.sql.Identifiers;
import io.pgtrickle.jdbc.sql.Literals;
import io.pgtrickle.jdbc.sql.Token;
import io.pgtrickle.jdbc.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ( [ns.]name [= value], … )} (or names only, for {@code RESET}). A value is whatever
 * tokens come before the next top-level comma or closing parenthesis: a string literal is decoded, a
 * bare word folded like an identifier, anything else (numbers, {@code -1}, {@code 5m}) kept as its
 * tokens' text run together. The engine, not the parser, decides what values mean.
 */
final class OptionListParser {

  private final String source;
  private final boolean standardConformingStrings;

  OptionListParser(String source, boolean standardConformingStrings) {
    this.source = source;
    this.standardConformingStrings = standardConformingStrings;
  }

  /** Reads the list starting at the cursor's {@code (}; leaves the cursor after the {@code )}. */
  List<OptionItem> parse(TokenCursor cursor, boolean withValues) throws GrammarMismatch {
    cursor.expectSymbol("(");
    List<OptionItem> items = new ArrayList<>();
    do {
      items.add(item(cursor, withValues));
    } while (cursor.acceptSymbol(","));
    cursor.expectSymbol(")");
    return items;
  }

  private OptionItem item(TokenCursor cursor, boolean withValues) throws GrammarMismatch {
    Token first = cursor.peek();
    if (first == null) {
      throw GrammarMismatch.INSTANCE;
    }
    String namespace = null;
    String name = cursor.identifier();
    if (cursor.acceptSymbol(".")) {
      namespace = name;
      name = cursor.identifier();
    }
    int end = cursor.peek(-1).end();
    if (!withValues || !cursor.acceptSymbol("=")) {
      return new OptionItem(namespace, name, null, null, first.start(), end);
    }
    List<Token> valueTokens = valueTokens(cursor);
    Token last = valueTokens.get(valueTokens.size() - 1);
    String valueText = source.substring(valueTokens.get(0).start(), last.end());
    return new OptionItem(
        namespace, name, value(valueTokens), valueText, first.start(), last.end());
  }

  private static List<Token> valueTokens(TokenCursor cursor) throws GrammarMismatch {
    List<Token> tokens = new ArrayList<>();
    int depth = 0;
    while (!cursor.atEnd()) {
      Token token = cursor.peek();
      if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")"))) {
        break;
      }
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      }
      tokens.add(cursor.next());
    }
    if (tokens.isEmpty()) {
      throw GrammarMismatch.INSTANCE;
    }
    return tokens;
  }

  private String value(List<Token> tokens) {
    Token first = tokens.get(0);
    boolean unicodeEscapeClause =
        tokens.size() == 3 && tokens.get(1).isWord("uescape") && tokens.get(2).kind() == TokenKind.STRING;
    if (first.kind() == TokenKind.STRING && (tokens.size() == 1 || unicodeEscapeClause)) {
      char escape = '\\';
      if (unicodeEscapeClause) {
        String clause = Literals.stringValue(tokens.get(2), true, '\\');
        escape = clause.isEmpty() ? '\\' : clause.charAt(0);
      }
      return Literals.stringValue(first, standardConformingStrings, escape);
    }
    if (tokens.size() == 1 && (first.isWord() || first.kind() == TokenKind.QUOTED_IDENTIFIER)) {
      return Identifiers.identifier(first);
    }
    StringBuilder joined = new StringBuilder();
    for (Token token : tokens) {
      joined.append(token.text());
    }
    return joined.toString();
  }
}
