package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.jdbc.sql.Identifiers;
import io.pgtrickle.jdbc.sql.Literals;
import io.pgtrickle.jdbc.sql.Token;
import io.pgtrickle.jdbc.sql.TokenKind;
import io.pgtrickle.refresh.api.QualifiedName;
import java.util.List;

/** A position in one statement's tokens, with the small reads the DDL grammar needs. */
final class TokenCursor {

  private final List<Token> tokens;
  private int index;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  boolean atEnd() {
    return index >= tokens.size();
  }

  int index() {
    return index;
  }

  /** The token {@code ahead} places from the current one, or null past the end. */
  Token peek(int ahead) {
    int at = index + ahead;
    return at < tokens.size() ? tokens.get(at) : null;
  }

  Token peek() {
    return peek(0);
  }

  Token next() throws GrammarMismatch {
    if (atEnd()) {
      throw GrammarMismatch.INSTANCE;
    }
    return tokens.get(index++);
  }

  boolean peekWord(int ahead, String word) {
    Token token = peek(ahead);
    return token != null && token.isWord(word);
  }

  boolean peekSymbol(int ahead, String symbol) {
    Token token = peek(ahead);
    return token != null && token.isSymbol(symbol);
  }

  boolean acceptWord(String word) {
    if (peekWord(0, word)) {
      index++;
      return true;
    }
    return false;
  }

  /** Accepts the words in order, all or none. */
  boolean acceptWords(String... words) {
    for (int i = 0; i < words.length; i++) {
      if (!peekWord(i, words[i])) {
        return false;
      }
    }
    index += words.length;
    return true;
  }

  void expectWord(String word) throws GrammarMismatch {
    if (!acceptWord(word)) {
      throw GrammarMismatch.INSTANCE;
    }
  }

  boolean acceptSymbol(String symbol) {
    if (peekSymbol(0, symbol)) {
      index++;
      return true;
    }
    return false;
  }

  void expectSymbol(String symbol) throws GrammarMismatch {
    if (!acceptSymbol(symbol)) {
      throw GrammarMismatch.INSTANCE;
    }
  }

  void expectEnd() throws GrammarMismatch {
    if (!atEnd()) {
      throw GrammarMismatch.INSTANCE;
    }
  }

  /** One identifier (unquoted word folded, quoted one unquoted, {@code U&"…" UESCAPE 'c'} decoded). */
  String identifier() throws GrammarMismatch {
    Token token = next();
    if (token.isWord()) {
      return Identifiers.identifier(token);
    }
    if (token.kind() != TokenKind.QUOTED_IDENTIFIER) {
      throw GrammarMismatch.INSTANCE;
    }
    return Identifiers.identifier(token, unicodeEscape(token));
  }

  /** {@code name} or {@code schema.name}; three-part names are left to PostgreSQL. */
  QualifiedName qualifiedName() throws GrammarMismatch {
    String first = identifier();
    if (!acceptSymbol(".")) {
      return QualifiedName.unqualified(first);
    }
    String second = identifier();
    if (peekSymbol(0, ".")) {
      throw GrammarMismatch.INSTANCE;
    }
    return QualifiedName.of(first, second);
  }

  /**
   * The escape character of a {@code UESCAPE 'c'} clause right after a {@code U&} token (consuming
   * the clause), else backslash.
   */
  char unicodeEscape(Token token) throws GrammarMismatch {
    char first = token.text().charAt(0);
    if ((first != 'u' && first != 'U') || !peekWord(0, "uescape")) {
      return '\\';
    }
    index++;
    Token escape = next();
    if (escape.kind() != TokenKind.STRING) {
      throw GrammarMismatch.INSTANCE;
    }
    String value = Literals.stringValue(escape, true, '\\');
    if (value.length() != 1) {
      throw GrammarMismatch.INSTANCE;
    }
    return value.charAt(0);
  }
}
