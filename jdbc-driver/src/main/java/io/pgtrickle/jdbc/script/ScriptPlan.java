package io.pgtrickle.jdbc.script;

import io.pgtrickle.jdbc.ddl.ParsedDdl;
import io.pgtrickle.jdbc.sql.Token;
import io.pgtrickle.jdbc.sql.TokenKind;
import java.util.List;

/**
 * A SQL string that contains (or may contain, depending on the catalog) stream-table DDL: its
 * statements, each with its {@link ParsedDdl}. Plans are made once per string (at
 * {@code prepareStatement} time for prepared statements); routing is decided when they run.
 */
public final class ScriptPlan {

  private final String sql;
  private final List<PlannedStatement> statements;

  ScriptPlan(String sql, List<PlannedStatement> statements) {
    this.sql = sql;
    this.statements = List.copyOf(statements);
  }

  List<PlannedStatement> statements() {
    return statements;
  }

  /** The SQL string as the application wrote it. */
  public String sql() {
    return sql;
  }

  /** Whether some statement is stream-table DDL whatever the catalog says. */
  boolean hasCertainStreamDdl() {
    return statements.stream().anyMatch(s -> s.ddl() instanceof ParsedDdl.StreamDdl);
  }

  /**
   * Whether routing depends on the catalog (REFRESH / DROP / ALTER of possibly-stream tables, or
   * DDL on possible sources).
   */
  public boolean dependsOnCatalog() {
    return statements.stream()
        .anyMatch(
            s ->
                s.ddl() instanceof ParsedDdl.StreamDdlIfStreamTable
                    || s.ddl() instanceof ParsedDdl.UnsupportedOnStreamTable
                    || s.ddl() instanceof ParsedDdl.SourceDdl);
  }

  /** Whether some statement is {@code ALTER|DROP TABLE|VIEW|SCHEMA} (a possible source change). */
  boolean hasSourceDdl() {
    return statements.stream().anyMatch(s -> s.ddl() instanceof ParsedDdl.SourceDdl);
  }

  /** Whether the string must always pass through the engine's hands (certain stream DDL). */
  public boolean alwaysRouted() {
    return hasCertainStreamDdl();
  }

  /** Statements PgJDBC would send (everything but whitespace-only pieces). */
  int sentStatementCount() {
    return (int) statements.stream().filter(s -> !s.statement().isWhitespaceOnly()).count();
  }

  boolean hasTransactionControl() {
    return statements.stream().anyMatch(PlannedStatement::isTransactionControl);
  }

  /**
   * The string to send to PostgreSQL when nothing in it is routed: the original, except that
   * {@code pgtrickle.stream = false} items are cut out of plain materialized views.
   */
  public String passThroughSql() {
    if (statements.stream().noneMatch(s -> s.ddl() instanceof ParsedDdl.PlainMaterializedView)) {
      return sql;
    }
    StringBuilder rebuilt = new StringBuilder(sql.length());
    for (PlannedStatement statement : statements) {
      rebuilt.append(statement.passThroughText());
    }
    return rebuilt.toString();
  }

  /**
   * How many {@code ?} parameter placeholders PgJDBC would see ({@code ??} is an escaped question
   * mark, not a placeholder).
   */
  public int placeholderCount() {
    int count = 0;
    for (PlannedStatement statement : statements) {
      for (Token token : statement.statement().tokens()) {
        if (token.kind() == TokenKind.OPERATOR) {
          count += placeholdersIn(token.text());
        }
      }
    }
    return count;
  }

  private static int placeholdersIn(String operator) {
    int count = 0;
    for (int i = 0; i < operator.length(); i++) {
      if (operator.charAt(i) == '?') {
        if (i + 1 < operator.length() && operator.charAt(i + 1) == '?') {
          i++;
        } else {
          count++;
        }
      }
    }
    return count;
  }
}
