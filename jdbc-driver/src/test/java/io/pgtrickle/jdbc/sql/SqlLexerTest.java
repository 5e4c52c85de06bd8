package io.pgtrickle.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

  private static List<Token> lex(String sql) {
    return SqlLexer.tokenize(sql, true);
  }

  /** "KIND:text" for each token, space separated. */
  private static String kinds(String sql) {
    return lex(sql).stream().map(t -> t.kind() + ":" + t.text()).collect(Collectors.joining(" "));
  }

  private static String texts(String sql) {
    return lex(sql).stream().map(Token::text).collect(Collectors.joining("|"));
  }

  @Test
  void wordsAreKeywordsOrIdentifiersWithOffsets() {
    List<Token> tokens = lex("CREATE materialized  View v_1$x");
    assertEquals(
        "KEYWORD:CREATE KEYWORD:materialized KEYWORD:View IDENTIFIER:v_1$x",
        kinds("CREATE materialized  View v_1$x"));
    assertEquals(0, tokens.get(0).start());
    assertEquals(6, tokens.get(0).end());
    assertEquals(21, tokens.get(2).start());
    assertEquals(26, tokens.get(3).start());
    assertEquals(31, tokens.get(3).end());
  }

  @Test
  void nonAsciiLettersBelongToIdentifiers() {
    assertEquals("IDENTIFIER:größe OPERATOR:= IDENTIFIER:ñ", kinds("größe=ñ"));
  }

  @Test
  void commentsAndWhitespaceProduceNoTokens() {
    assertEquals("select|1", texts("-- leading\n/* block */ select\t/* x */1 -- trailing"));
    assertEquals("", texts("-- only a comment"));
    assertEquals("", texts("   \n\r\t\f  "));
  }

  @Test
  void blockCommentsNest() {
    assertEquals("a|b", texts("a /* outer /* inner ; */ still comment ; */ b"));
    assertEquals("a", texts("a /* unterminated /* nested */ "));
  }

  @Test
  void lineCommentEndsAtCarriageReturnOrNewline() {
    assertEquals("a|b|c", texts("a -- x\nb -- y\rc"));
  }

  @Test
  void plainStringWithDoubledQuote() {
    assertEquals("STRING:'it''s; ok' PUNCTUATION:;", kinds("'it''s; ok';"));
  }

  @Test
  void backslashDoesNotEscapeInStandardStrings() {
    assertEquals("STRING:'a\\' PUNCTUATION:; STRING:';'", kinds("'a\\';';'"));
  }

  @Test
  void backslashEscapesWhenStandardConformingStringsIsOff() {
    List<Token> tokens = SqlLexer.tokenize("'a\\';' ;", false);
    assertEquals(2, tokens.size());
    assertEquals("'a\\';'", tokens.get(0).text());
  }

  @Test
  void escapeStringsHonourBackslashes() {
    assertEquals("STRING:E'it\\'s; \\\\' PUNCTUATION:;", kinds("E'it\\'s; \\\\';"));
    assertEquals("STRING:e'x''y'", kinds("e'x''y'"));
  }

  @Test
  void unicodeBitHexAndNationalStrings() {
    assertEquals("STRING:U&'d\\0061t;a'", kinds("U&'d\\0061t;a'"));
    assertEquals("STRING:u&'x' KEYWORD:UESCAPE STRING:'!'", kinds("u&'x' UESCAPE '!'"));
    assertEquals("STRING:B'1;0' STRING:X'1F' STRING:N'n;'", kinds("B'1;0' X'1F' N'n;'"));
  }

  @Test
  void unicodeQuotedIdentifier() {
    assertEquals("QUOTED_IDENTIFIER:U&\"d\\0061ta;\"", kinds("U&\"d\\0061ta;\""));
  }

  @Test
  void wordsStartingWithStringPrefixLettersStayWords() {
    assertEquals("IDENTIFIER:e OPERATOR:= IDENTIFIER:x IDENTIFIER:u OPERATOR:&", kinds("e = x u &"));
    assertEquals("IDENTIFIER:name STRING:'x'", kinds("name'x'"));
  }

  @Test
  void quotedIdentifiersWithDoubledQuotes() {
    assertEquals("QUOTED_IDENTIFIER:\"a \"\"b\"\";\" PUNCTUATION:.", kinds("\"a \"\"b\"\";\"."));
  }

  @Test
  void dollarQuotes() {
    assertEquals("STRING:$$a;'b$$ PUNCTUATION:;", kinds("$$a;'b$$;"));
    assertEquals("STRING:$fn$ $$ ; $x$ $fn$", kinds("$fn$ $$ ; $x$ $fn$"));
    assertEquals("STRING:$_1$;$_1$", kinds("$_1$;$_1$"));
  }

  @Test
  void positionalParametersAreNotDollarQuotes() {
    assertEquals("IDENTIFIER:a OPERATOR:= PARAMETER:$1 KEYWORD:and IDENTIFIER:b OPERATOR:= PARAMETER:$23",
        kinds("a = $1 and b = $23"));
  }

  @Test
  void dollarInsideIdentifierIsNotAQuote() {
    assertEquals("IDENTIFIER:a$$b PUNCTUATION:; IDENTIFIER:c", kinds("a$$b; c"));
  }

  @Test
  void numbers() {
    assertEquals("NUMBER:42 NUMBER:1.5 NUMBER:.5e3 NUMBER:1e-7 NUMBER:3 IDENTIFIER:m", kinds("42 1.5 .5e3 1e-7 3m"));
    assertEquals("NUMBER:1 IDENTIFIER:e", kinds("1e"));
    assertEquals("NUMBER:1 PUNCTUATION:. NUMBER:.5", kinds("1..5"));
  }

  @Test
  void operatorsAndPunctuation() {
    assertEquals(
        "IDENTIFIER:a OPERATOR:<-> IDENTIFIER:b OPERATOR::: IDENTIFIER:vector PUNCTUATION:( NUMBER:3 PUNCTUATION:)"
            + " PUNCTUATION:[ NUMBER:1 PUNCTUATION:] PUNCTUATION:, OPERATOR:? OPERATOR:?| PUNCTUATION:{",
        kinds("a <-> b::vector(3)[1], ? ?| {"));
  }

  @Test
  void commentStartInsideOperatorRunStartsComment() {
    assertEquals("IDENTIFIER:a OPERATOR:* IDENTIFIER:b", kinds("a*/* c */b"));
    assertEquals("IDENTIFIER:a OPERATOR:+ IDENTIFIER:b", kinds("a+-- c\nb"));
  }

  @Test
  void unterminatedTokensRunToTheEnd() {
    List<Token> tokens = lex("select 'abc; def");
    assertEquals(2, tokens.size());
    assertFalse(tokens.get(1).terminated());
    assertEquals(16, tokens.get(1).end());
    assertFalse(lex("$q$ never closed").get(0).terminated());
    assertFalse(lex("\"open").get(0).terminated());
    assertTrue(lex("'closed'").get(0).terminated());
  }

  @Test
  void loneDollarIsPunctuation() {
    assertEquals("PUNCTUATION:$ IDENTIFIER:x", kinds("$ x"));
  }

  @Test
  void keywordsTableIsConsistent() {
    assertTrue(Keywords.isKeyword("MATERIALIZED"));
    assertTrue(Keywords.isKeyword("select"));
    assertFalse(Keywords.isKeyword("orders"));
  }
}
