package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.jdbc.sql.SqlStatement;
import io.pgtrickle.jdbc.sql.Token;
import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ALTER MATERIALIZED VIEW [IF EXISTS] name action [, …]}. A list of {@code SET (…)} /
 * {@code RESET (…)} actions is a stream-table ALTER when it names a {@code pgtrickle.*} option, and
 * possibly one (decided by the catalog) otherwise. Any other action (RENAME, OWNER TO, SET SCHEMA …)
 * is refused on stream tables and left to PostgreSQL elsewhere.
 */
final class AlterMaterializedViewParser {

  private final SqlStatement statement;
  private final OptionListParser options;

  AlterMaterializedViewParser(SqlStatement statement, boolean standardConformingStrings) {
    this.statement = statement;
    this.options = new OptionListParser(statement.source(), standardConformingStrings);
  }

  ParsedDdl parse(TokenCursor cursor) throws GrammarMismatch, SQLException {
    cursor.expectWord("alter");
    cursor.expectWord("materialized");
    cursor.expectWord("view");
    if (cursor.peekWord(0, "all") && cursor.peekWord(1, "in")) {
      return ParsedDdl.NotStreamDdl.INSTANCE;
    }
    boolean ifExists = cursor.peekWord(1, "exists") && cursor.acceptWords("if", "exists");
    QualifiedName name = cursor.qualifiedName();
    List<OptionItem> set = new ArrayList<>();
    List<OptionItem> reset = new ArrayList<>();
    String unsupportedForm = null;
    do {
      if (cursor.peekWord(0, "set") && cursor.peekSymbol(1, "(")) {
        cursor.next();
        set.addAll(options.parse(cursor, true));
      } else if (cursor.peekWord(0, "reset") && cursor.peekSymbol(1, "(")) {
        cursor.next();
        reset.addAll(options.parse(cursor, false));
      } else {
        String form = describeForm(cursor);
        unsupportedForm = unsupportedForm == null ? form : unsupportedForm;
        skipToNextAction(cursor);
      }
    } while (cursor.acceptSymbol(","));
    cursor.expectEnd();

    boolean namesPgtrickle =
        set.stream().anyMatch(OptionItem::isPgtrickle) || reset.stream().anyMatch(OptionItem::isPgtrickle);
    if (unsupportedForm != null) {
      if (namesPgtrickle) {
        throw unsupported(unsupportedForm);
      }
      return new ParsedDdl.UnsupportedOnStreamTable(name, unsupportedForm);
    }
    AlterStreamTable command =
        new AlterStreamTable(
            name,
            ifExists,
            set.stream().filter(OptionItem::isPgtrickle).map(OptionItem::toPgtrickleSetting).toList(),
            reset.stream().filter(OptionItem::isPgtrickle).map(OptionItem::optionName).toList(),
            set.stream().filter(i -> !i.isPgtrickle()).map(OptionItem::toStorageSetting).toList(),
            reset.stream().filter(i -> !i.isPgtrickle()).map(OptionItem::displayName).toList(),
            statement.text().strip());
    return namesPgtrickle
        ? new ParsedDdl.StreamDdl(command)
        : new ParsedDdl.StreamDdlIfStreamTable(List.of(name), command);
  }

  /** The 0A000 error for an ALTER form that stream tables do not support. */
  static SQLException unsupported(String form) {
    return DdlErrors.notSupported(
        "ALTER MATERIALIZED VIEW … " + form + " is not supported for stream tables");
  }

  /** A short name for the action at the cursor, e.g. {@code RENAME COLUMN} or {@code OWNER TO}. */
  private static String describeForm(TokenCursor cursor) {
    Token first = cursor.peek();
    if (first == null) {
      return "(no action)";
    }
    String word = first.text().toUpperCase(Locale.ROOT);
    switch (word) {
      case "SET":
      case "OWNER":
      case "CLUSTER":
        return join(word, cursor.peek(1));
      case "RENAME":
      case "ALTER":
        return cursor.peekWord(1, "column") ? word + " COLUMN" : word;
      case "DEPENDS":
        return "DEPENDS ON EXTENSION";
      case "NO":
        return "NO DEPENDS ON EXTENSION";
      default:
        return word;
    }
  }

  private static String join(String word, Token next) {
    return next != null && next.isWord() ? word + " " + next.text().toUpperCase(Locale.ROOT) : word;
  }

  private static void skipToNextAction(TokenCursor cursor) throws GrammarMismatch {
    int depth = 0;
    while (!cursor.atEnd()) {
      Token token = cursor.peek();
      if (depth == 0 && token.isSymbol(",")) {
        return;
      }
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      }
      cursor.next();
    }
  }
}
