package io.pgtrickle.dvm.parse;

import io.pgtrickle.dvm.parse.impl.PgSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses PostgreSQL queries into Calcite {@link SqlNode}s.
 *
 * <p><b>Choice of parser.</b> research/calcite.md §1 measured the options. Calcite's core parser
 * lacks {@code ::} and the pgvector operators; the babel parser has them but builds wrong trees
 * without any error ({@code a = b::int} becomes {@code CAST(a = b AS INTEGER)}, and {@code <=>} is
 * MySQL's null-safe equality). A pre-lexing rewrite would have to find the operand of every
 * {@code ::} and re-implement expression boundaries by hand. We therefore generate our own parser,
 * {@link PgSqlParserImpl}, from the grammar template that ships in calcite-core (build:
 * {@code dvm/pom.xml}, grammar additions: {@code src/main/codegen}). It reduces {@code ::} eagerly
 * (PostgreSQL precedence), adds {@code <-> <=> <#>} (pgvector), {@code -> ->> @> <@} (jsonb),
 * {@code ~ ~* !~ !~*} (POSIX regex) and accepts {@code value} as an identifier.
 *
 * <p><b>Lexical rules</b> are PostgreSQL's: unquoted identifiers fold to lower case, quoted ones are
 * exact, double quotes quote identifiers, LENIENT conformance (calcite.md: BABEL breaks
 * {@code grouping()}, DEFAULT rejects {@code %}).
 */
public final class PgSqlParser {
  /** Parser configuration for PostgreSQL SQL. */
  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(PgSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(63)
      .withConformance(SqlConformanceEnum.LENIENT);

  private PgSqlParser() {}

  /** Parses one query (SELECT, WITH, VALUES or a set operation). */
  public static SqlNode parseQuery(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseQuery();
  }
}
