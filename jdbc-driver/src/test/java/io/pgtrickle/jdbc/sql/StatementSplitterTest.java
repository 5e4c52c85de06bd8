package io.pgtrickle.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

class StatementSplitterTest {

  private static List<String> texts(String sql) {
    return StatementSplitter.split(sql, true).stream().map(SqlStatement::text).toList();
  }

  @Test
  void splitsAtTopLevelSemicolons() {
    assertEquals(List.of("select 1", " select 2", " "), texts("select 1; select 2; "));
  }

  @Test
  void lastStatementWithoutTerminator() {
    List<SqlStatement> statements = StatementSplitter.split("a; b", true);
    assertEquals(2, statements.size());
    assertEquals(" b", statements.get(1).text());
    assertEquals(4, statements.get(1).terminatorEnd());
    assertEquals("a;", statements.get(0).textWithTerminator());
  }

  @Test
  void emptyInputIsOneEmptyStatement() {
    List<SqlStatement> statements = StatementSplitter.split("", true);
    assertEquals(1, statements.size());
    assertTrue(statements.get(0).isWhitespaceOnly());
  }

  @Test
  void everyCharacterBelongsToOneStatement() {
    String sql = "-- c\nselect ';'; /* x; */ ;; insert into t values ($$;$$) ; ";
    List<SqlStatement> statements = StatementSplitter.split(sql, true);
    StringBuilder rebuilt = new StringBuilder();
    for (SqlStatement statement : statements) {
      rebuilt.append(statement.textWithTerminator());
    }
    assertEquals(sql, rebuilt.toString());
  }

  @Test
  void semicolonsInsideQuotesCommentsAndParenthesesDoNotSplit() {
    assertEquals(1, texts("select 'a;b', \"c;d\", E'\\';', $$;$$, $t$;$t$ /* ; */ -- ;\n").size());
    assertEquals(
        List.of("create rule r as on insert to t do also (insert into a values (1); insert into b values (2))", " select 1"),
        texts("create rule r as on insert to t do also (insert into a values (1); insert into b values (2)); select 1"));
  }

  @Test
  void sqlStandardFunctionBodyKeepsItsSemicolons() {
    String function =
        "create or replace function f() returns int language sql begin atomic"
            + " select case when true then 1 end; select 2; end";
    assertEquals(List.of(function, " select 3"), texts(function + "; select 3"));
  }

  @Test
  void commentOnlyAndWhitespaceOnlyStatements() {
    List<SqlStatement> statements = StatementSplitter.split("select 1; -- done\n;  ;", true);
    assertFalse(statements.get(0).isCommentOnly());
    assertTrue(statements.get(1).isCommentOnly());
    assertTrue(statements.get(2).isWhitespaceOnly());
  }

  @Test
  void coreTextDropsSurroundingComments() {
    SqlStatement statement = StatementSplitter.split("/* a */ select 1 -- b\n", true).get(0);
    assertEquals("select 1", statement.coreText());
    assertEquals("/* a */ select 1 -- b", statement.text().strip());
  }

  static Stream<String> scripts() {
    return Stream.of(
        "select 1",
        "select 1; select 2",
        "select 1;;select 2",
        " /* a */ select 1 ; /* b */ ; select ';' ",
        "select 'it''s; ok'; select 2",
        "select E'\\';'; select 2",
        "select $$a;b$$; select $x$;$x$",
        "select $x$ $$ ; $x$; select 2",
        "select \"a;\"\"b\"; select 1 -- x;\n ; select 3",
        "select 1 /* /* ; */ ; */ ; select 2",
        "select a$$b; select 2",
        "insert into t values ('a;', $1); update t set x = 1 where y = ';'",
        "create rule r as on insert to t do (insert into a values(1); insert into b values(2)); select 2",
        "select U&'\\0061;'; select u&\"x;\"",
        "select B'1;'; select X'1F'",
        "-- leading comment\nCREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = true) AS SELECT ';' FROM t; REFRESH MATERIALIZED VIEW v",
        "select 1; -- trailing",
        "select 1 -- x\r; select 2",
        "select a::text; select b->>'k;'",
        "select array[1,2][1]; select '{;}'");
  }

  /** PgJDBC's own (internal) splitter agrees on every non-blank statement. */
  @ParameterizedTest
  @MethodSource("scripts")
  void agreesWithPgJdbcParser(String script) throws Exception {
    List<NativeQuery> oracle = Parser.parseJdbcSql(script, true, false, true, false, false);
    List<String> expected = oracle.stream().map(q -> q.nativeSql.strip()).toList();
    List<String> actual =
        StatementSplitter.split(script, true).stream()
            .filter(s -> !s.isWhitespaceOnly())
            .map(s -> s.text().strip())
            .toList();
    assertEquals(expected, actual, script);
  }
}
