package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.jdbc.sql.SqlStatement;
import io.pgtrickle.jdbc.sql.Token;
import io.pgtrickle.refresh.api.DropStreamTables;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the stream-table DDL of ARCHITECTURE §3 in one statement's tokens. Anything that does
 * not follow that grammar is {@link ParsedDdl.NotStreamDdl} and reaches PostgreSQL as written, so
 * PostgreSQL reports its own syntax errors; only statements that clearly ask for pgtrickle behaviour
 * that cannot be given raise an SQLException here (22023 for bad {@code pgtrickle.*} usage, 0A000 for
 * unsupported clauses).
 */
public final class DdlParser {

  private DdlParser() {}

  /** Whether the statement starts {@code CREATE|ALTER|REFRESH|DROP MATERIALIZED}. */
  public static boolean isMaterializedViewDdl(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.size() < 3 || !tokens.get(1).isWord("materialized")) {
      return false;
    }
    Token first = tokens.get(0);
    return first.isWord("create") || first.isWord("alter") || first.isWord("refresh") || first.isWord("drop");
  }

  /**
   * Whether the statement starts {@code ALTER|DROP TABLE|VIEW|SCHEMA} or {@code ALTER|DROP FOREIGN
   * TABLE}: DDL that may rename, alter or drop a source of a stream table.
   */
  public static boolean isSourceDdl(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.size() < 3 || !(tokens.get(0).isWord("alter") || tokens.get(0).isWord("drop"))) {
      return false;
    }
    Token second = tokens.get(1);
    return second.isWord("table") || second.isWord("view") || second.isWord("schema")
        || (second.isWord("foreign") && tokens.get(2).isWord("table"));
  }

  /** What the driver should do with {@code statement}. */
  public static ParsedDdl parse(SqlStatement statement, boolean standardConformingStrings)
      throws SQLException {
    if (!isMaterializedViewDdl(statement)
        || statement.tokens().stream().anyMatch(t -> !t.terminated())) {
      return ParsedDdl.NotStreamDdl.INSTANCE;
    }
    TokenCursor cursor = new TokenCursor(statement.tokens());
    try {
      Token first = cursor.peek();
      if (first.isWord("create")) {
        return new CreateMaterializedViewParser(statement, standardConformingStrings).parse(cursor);
      }
      if (first.isWord("alter")) {
        return new AlterMaterializedViewParser(statement, standardConformingStrings).parse(cursor);
      }
      if (first.isWord("refresh")) {
        return refresh(cursor, statement);
      }
      return drop(cursor, statement);
    } catch (GrammarMismatch notOurs) {
      return ParsedDdl.NotStreamDdl.INSTANCE;
    }
  }

  /** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
  private static ParsedDdl refresh(TokenCursor cursor, SqlStatement statement) throws GrammarMismatch {
    cursor.expectWord("refresh");
    cursor.expectWord("materialized");
    cursor.expectWord("view");
    boolean concurrently = cursor.acceptWord("concurrently");
    QualifiedName name = cursor.qualifiedName();
    boolean withData = true;
    if (cursor.acceptWord("with")) {
      withData = !cursor.acceptWord("no");
      cursor.expectWord("data");
    }
    cursor.expectEnd();
    return new ParsedDdl.StreamDdlIfStreamTable(
        List.of(name),
        new RefreshStreamTable(name, concurrently, withData, statement.text().strip()));
  }

  /** {@code DROP MATERIALIZED VIEW [IF EXISTS] name [, …] [CASCADE | RESTRICT]}. */
  private static ParsedDdl drop(TokenCursor cursor, SqlStatement statement) throws GrammarMismatch {
    cursor.expectWord("drop");
    cursor.expectWord("materialized");
    cursor.expectWord("view");
    boolean ifExists = cursor.peekWord(1, "exists") && cursor.acceptWords("if", "exists");
    List<QualifiedName> names = new ArrayList<>();
    do {
      names.add(cursor.qualifiedName());
    } while (cursor.acceptSymbol(","));
    boolean cascade = cursor.acceptWord("cascade");
    if (!cascade) {
      cursor.acceptWord("restrict");
    }
    cursor.expectEnd();
    return new ParsedDdl.StreamDdlIfStreamTable(
        names, new DropStreamTables(names, ifExists, cascade, statement.text().strip()));
  }
}
