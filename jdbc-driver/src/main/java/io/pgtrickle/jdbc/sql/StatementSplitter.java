package io.pgtrickle.jdbc.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL string into statements at the semicolons that are outside strings, quoted
 * identifiers, comments and parentheses, as PgJDBC does before it sends a multi-statement string,
 * and (as psql does) outside the {@code BEGIN ATOMIC … END} body of a {@code CREATE FUNCTION} or
 * {@code CREATE PROCEDURE}. Every character of the input belongs to exactly one statement's
 * {@code [start, terminatorEnd)}.
 */
public final class StatementSplitter {

  private StatementSplitter() {}

  /** The statements of {@code sql}; a trailing part after the last semicolon is one more statement. */
  public static List<SqlStatement> split(String sql, boolean standardConformingStrings) {
    List<Token> tokens = SqlLexer.tokenize(sql, standardConformingStrings);
    List<SqlStatement> statements = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int start = 0;
    int parenDepth = 0;
    int blockDepth = 0;
    for (Token token : tokens) {
      if (token.isSymbol("(")) {
        parenDepth++;
      } else if (token.isSymbol(")") && parenDepth > 0) {
        parenDepth--;
      } else if (token.isSymbol(";") && parenDepth == 0 && blockDepth == 0) {
        statements.add(new SqlStatement(sql, start, token.start(), token.end(), current));
        current = new ArrayList<>();
        start = token.end();
        continue;
      } else if (token.isWord() && isRoutineDefinition(current)) {
        if (token.isWord("begin") || token.isWord("case")) {
          blockDepth++;
        } else if (token.isWord("end") && blockDepth > 0) {
          blockDepth--;
        }
      }
      current.add(token);
    }
    if (start < sql.length() || statements.isEmpty()) {
      statements.add(new SqlStatement(sql, start, sql.length(), sql.length(), current));
    }
    return statements;
  }

  /** {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, whose SQL-standard body may hold semicolons. */
  private static boolean isRoutineDefinition(List<Token> statement) {
    if (statement.isEmpty() || !statement.get(0).isWord("create")) {
      return false;
    }
    int at = statement.size() > 2 && statement.get(1).isWord("or") ? 3 : 1;
    return statement.size() > at
        && (statement.get(at).isWord("function") || statement.get(at).isWord("procedure"));
  }
}
