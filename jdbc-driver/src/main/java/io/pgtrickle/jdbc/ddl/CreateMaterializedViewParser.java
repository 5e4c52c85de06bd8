package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.jdbc.sql.SqlStatement;
import io.pgtrickle.jdbc.sql.Token;
import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.api.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(col, …)] [USING m] [WITH (…)] [TABLESPACE t]
 * AS query [WITH [NO] DATA]}: a stream table when the WITH list says {@code pgtrickle.stream} true.
 */
final class CreateMaterializedViewParser {

  private static final String STREAM = "stream";

  private final SqlStatement statement;
  private final OptionListParser options;

  CreateMaterializedViewParser(SqlStatement statement, boolean standardConformingStrings) {
    this.statement = statement;
    this.options = new OptionListParser(statement.source(), standardConformingStrings);
  }

  ParsedDdl parse(TokenCursor cursor) throws GrammarMismatch, SQLException {
    cursor.expectWord("create");
    cursor.expectWord("materialized");
    cursor.expectWord("view");
    boolean ifNotExists = cursor.peekWord(1, "not") && cursor.acceptWords("if", "not", "exists");
    QualifiedName name = cursor.qualifiedName();
    List<String> columns = cursor.peekSymbol(0, "(") ? columnList(cursor) : List.of();
    Token using = cursor.acceptWord("using") ? skipName(cursor) : null;
    Token with = null;
    List<OptionItem> items = List.of();
    if (cursor.peekWord(0, "with") && cursor.peekSymbol(1, "(")) {
      with = cursor.next();
      items = options.parse(cursor, true);
    }
    Token tablespace = cursor.acceptWord("tablespace") ? skipName(cursor) : null;
    cursor.expectWord("as");
    Query query = query(cursor);

    List<OptionItem> pgtrickle = items.stream().filter(OptionItem::isPgtrickle).toList();
    if (pgtrickle.isEmpty()) {
      return ParsedDdl.NotStreamDdl.INSTANCE;
    }
    List<OptionItem> streamItems =
        pgtrickle.stream().filter(i -> i.optionName().equals(STREAM)).toList();
    List<OptionItem> otherPgtrickle =
        pgtrickle.stream().filter(i -> !i.optionName().equals(STREAM)).toList();
    if (streamItems.size() > 1) {
      throw DdlErrors.invalidParameter("option \"pgtrickle.stream\" specified more than once");
    }
    if (streamItems.isEmpty()) {
      throw DdlErrors.invalidParameter(
          describe(otherPgtrickle) + " only for stream tables: add pgtrickle.stream = true");
    }
    OptionItem stream = streamItems.get(0);
    boolean isStream =
        BooleanValue.parse(stream.value())
            .orElseThrow(
                () ->
                    DdlErrors.invalidParameter(
                        "invalid value for boolean option \"pgtrickle.stream\": " + stream.valueText()));
    if (!isStream) {
      if (!otherPgtrickle.isEmpty()) {
        throw DdlErrors.invalidParameter(
            describe(otherPgtrickle) + " only for stream tables, but pgtrickle.stream is false");
      }
      return new ParsedDdl.PlainMaterializedView(withoutItem(stream, items, with));
    }
    if (using != null) {
      throw DdlErrors.notSupported(
          "USING " + using.text() + " is not supported for stream tables (pgtrickle.stream = true)");
    }
    if (tablespace != null) {
      throw DdlErrors.notSupported(
          "TABLESPACE " + tablespace.text() + " is not supported for stream tables (pgtrickle.stream = true)");
    }
    List<OptionSetting> storage =
        items.stream().filter(i -> !i.isPgtrickle()).map(OptionItem::toStorageSetting).toList();
    List<OptionSetting> settings = otherPgtrickle.stream().map(OptionItem::toPgtrickleSetting).toList();
    return new ParsedDdl.StreamDdl(
        new CreateStreamTable(
            name,
            ifNotExists,
            columns,
            settings,
            storage,
            query.text,
            query.withData,
            statement.text().strip()));
  }

  private static List<String> columnList(TokenCursor cursor) throws GrammarMismatch {
    cursor.expectSymbol("(");
    List<String> columns = new ArrayList<>();
    do {
      columns.add(cursor.identifier());
    } while (cursor.acceptSymbol(","));
    cursor.expectSymbol(")");
    return columns;
  }

  /** Skips the (possibly quoted) name after USING / TABLESPACE and returns its token. */
  private static Token skipName(TokenCursor cursor) throws GrammarMismatch {
    Token token = cursor.peek();
    cursor.identifier();
    return token;
  }

  private record Query(String text, boolean withData) {}

  /** The rest of the statement up to an optional trailing {@code WITH [NO] DATA}. */
  private Query query(TokenCursor cursor) throws GrammarMismatch {
    List<Token> rest = statement.tokens().subList(cursor.index(), statement.tokens().size());
    int size = rest.size();
    boolean withData = true;
    if (size >= 2 && rest.get(size - 1).isWord("data")) {
      if (rest.get(size - 2).isWord("with")) {
        size -= 2;
      } else if (size >= 3 && rest.get(size - 2).isWord("no") && rest.get(size - 3).isWord("with")) {
        size -= 3;
        withData = false;
      }
    }
    if (size == 0) {
      throw GrammarMismatch.INSTANCE;
    }
    String text = statement.source().substring(rest.get(0).start(), rest.get(size - 1).end());
    return new Query(text, withData);
  }

  /** The statement's text with {@code item} cut out of the WITH list (or the whole WITH clause). */
  private String withoutItem(OptionItem item, List<OptionItem> items, Token with) {
    int cutStart;
    int cutEnd;
    int index = items.indexOf(item);
    if (items.size() == 1) {
      cutStart = with.start();
      cutEnd = closingParenthesisEnd(item.end());
    } else if (index < items.size() - 1) {
      cutStart = item.start();
      cutEnd = items.get(index + 1).start();
    } else {
      cutStart = items.get(index - 1).end();
      cutEnd = item.end();
    }
    String source = statement.source();
    return source.substring(statement.start(), cutStart) + source.substring(cutEnd, statement.end());
  }

  private int closingParenthesisEnd(int after) {
    for (Token token : statement.tokens()) {
      if (token.start() >= after && token.isSymbol(")")) {
        return token.end();
      }
    }
    throw new IllegalStateException("unbalanced option list");
  }

  /** {@code option pgtrickle.x is} / {@code options pgtrickle.x, pgtrickle.y are}. */
  static String describe(List<OptionItem> items) {
    List<String> names = items.stream().map(OptionItem::displayName).distinct().toList();
    return names.size() == 1
        ? "option " + names.get(0) + " is"
        : "options " + String.join(", ", names) + " are";
  }
}
