package io.pgtrickle.dvm.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

/** The PostgreSQL parsing traps from research/calcite.md §1, one test each. */
class PgSqlParserTest {

  private static SqlNode where(String condition) throws SqlParseException {
    SqlSelect select = (SqlSelect) PgSqlParser.parseQuery("SELECT 1 FROM t WHERE " + condition);
    return select.getWhere();
  }

  private static SqlCall call(SqlNode node) {
    return (SqlCall) node;
  }

  @Test void infixCastBindsTighterThanComparison() throws Exception {
    SqlCall eq = call(where("a = b::int"));
    assertEquals(SqlKind.EQUALS, eq.getKind());
    assertEquals("a", eq.operand(0).toString());
    assertEquals(SqlKind.CAST, eq.operand(1).getKind());
    assertEquals("b", call(eq.operand(1)).operand(0).toString());
  }

  @Test void infixCastBindsTighterThanArithmeticConcatAndBetween() throws Exception {
    SqlCall plus = call(where("1 + '2'::int = 3")).operand(0);
    assertEquals(SqlKind.PLUS, plus.getKind());
    assertEquals(SqlKind.CAST, plus.operand(1).getKind());
    SqlCall concat = call(call(where("x || y::text = 'a'")).operand(0));
    assertEquals(SqlKind.CAST, concat.operand(1).getKind());
    SqlCall between = call(where("x between 1 and 2::int"));
    assertEquals(SqlKind.BETWEEN, between.getKind());
    assertEquals(SqlKind.CAST, between.operand(2).getKind());
  }

  @Test void infixCastBindsTighterThanUnaryMinusAndChains() throws Exception {
    SqlCall minus = call(call(where("-x::int = 1")).operand(0));
    assertEquals(SqlKind.MINUS_PREFIX, minus.getKind());
    assertEquals(SqlKind.CAST, minus.operand(0).getKind());
    SqlCall outer = call(call(where("x::int::text = '1'")).operand(0));
    assertEquals(SqlKind.CAST, outer.getKind());
    assertEquals(SqlKind.CAST, outer.operand(0).getKind());
  }

  @Test void infixCastAcceptsPostgresTypeSpellings() throws Exception {
    for (String type : new String[] {"numeric(10,2)", "double precision", "timestamp with time zone",
        "character varying(5)", "int[]", "text", "vector", "app.mood"}) {
      SqlCall cast = call(call(where("x::" + type + " is null")).operand(0));
      assertEquals(SqlKind.CAST, cast.getKind(), type);
    }
  }

  @Test void parenthesisedOperandOfInfixCast() throws Exception {
    SqlCall eq = call(where("(attrs->>'size')::int = 3"));
    SqlCall cast = call(eq.operand(0));
    assertEquals(SqlKind.CAST, cast.getKind());
    assertSame(PgOperators.JSON_GET_TEXT, call(cast.operand(0)).getOperator());
  }

  @Test void cosineDistanceIsPgvectorNotNullSafeEquality() throws Exception {
    SqlCall lt = call(where("e <=> '[1,2,3]'::vector < 0.5"));
    assertEquals(SqlKind.LESS_THAN, lt.getKind());
    SqlCall distance = call(lt.operand(0));
    assertSame(PgOperators.COSINE_DISTANCE, distance.getOperator());
    assertEquals(SqlKind.CAST, distance.operand(1).getKind());
  }

  @Test void vectorOperatorsBindBetweenComparisonAndAddition() throws Exception {
    SqlCall lt = call(where("e <-> q < 2"));
    assertSame(PgOperators.L2_DISTANCE, call(lt.operand(0)).getOperator());
    SqlCall ip = call(call(where("e <#> q + r > 0")).operand(0));
    assertSame(PgOperators.NEGATIVE_INNER_PRODUCT, ip.getOperator());
    assertEquals(SqlKind.PLUS, ip.operand(1).getKind());
  }

  @Test void jsonbOperators() throws Exception {
    SqlCall and = call(where("a @> b and c"));
    assertEquals(SqlKind.AND, and.getKind());
    assertSame(PgOperators.CONTAINS, call(and.operand(0)).getOperator());
    assertSame(PgOperators.JSON_GET, call(call(where("a->'k' is null")).operand(0)).getOperator());
  }

  @Test void posixRegex() throws Exception {
    assertEquals(SqlKind.POSIX_REGEX_CASE_SENSITIVE, where("name ~ '^a'").getKind());
    assertEquals(SqlKind.POSIX_REGEX_CASE_INSENSITIVE, where("name ~* '^a'").getKind());
  }

  @Test void identifiersFoldToLowerCaseUnlessQuoted() throws Exception {
    SqlSelect s = (SqlSelect) PgSqlParser.parseQuery("SELECT Foo, \"Bar\" FROM App.\"UserAccounts\"");
    assertEquals("foo", s.getSelectList().get(0).toString());
    assertEquals("Bar", s.getSelectList().get(1).toString());
    assertEquals("app.UserAccounts", s.getFrom().toString());
  }

  @Test void postgresConstructsParse() throws Exception {
    String[] queries = {
        "SELECT * FROM t WHERE name ILIKE 'a%' AND name NOT ILIKE 'b%'",
        "SELECT * FROM t WHERE a IS DISTINCT FROM b OR a IS NOT DISTINCT FROM c",
        "SELECT count(*) FILTER (WHERE a > 1) FROM t",
        "SELECT COALESCE(a, 0), NULLIF(b, 0), CASE WHEN a > 0 THEN 'p' ELSE 'n' END FROM t",
        "SELECT DISTINCT a FROM t",
        "SELECT a FROM t UNION SELECT a FROM u EXCEPT ALL SELECT a FROM v INTERSECT SELECT a FROM w",
        "SELECT x.a FROM (SELECT a FROM t) AS x",
        "WITH c AS (SELECT a FROM t) SELECT a FROM c",
        "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a) AND a IN (SELECT a FROM v) AND b NOT IN (SELECT b FROM w)",
        "SELECT a % 2, a != 1 FROM t",
        "SELECT value FROM t",
    };
    for (String q : queries) {
      PgSqlParser.parseQuery(q);
    }
  }

  @Test void syntaxErrorsThrow() {
    assertThrows(SqlParseException.class, () -> PgSqlParser.parseQuery("SELECT FROM WHERE"));
  }

  @Test void infixCastIsAStandardCast() throws Exception {
    SqlNode cast = call(where("a = b::int")).operand(1);
    assertTrue(cast instanceof SqlBasicCall);
    assertEquals("CAST", call(cast).getOperator().getName());
  }
}
