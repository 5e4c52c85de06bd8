package io.pgtrickle.dvm.render;

import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.rel2sql.SqlImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Renders a {@link RexNode} as PostgreSQL SQL over caller-chosen input references.
 *
 * <p>Why RexNode + Calcite's {@link SqlImplementor} and not the original {@code SqlNode} text:
 * research/calcite.md §3 measured both. Unparsing parsed SqlNodes loses parentheses around our
 * PostgreSQL operators ({@code (a->>'k')::int} came out as {@code a ->> 'k' :: INTEGER}) and quotes
 * keyword functions; SqlNodes also carry names, not the field positions a delta rule re-targets at
 * its own CTEs. The validated RexNode is positional and typed; {@link PgSqlDialect} fixes what the
 * stock dialect gets wrong (type names in casts, precedence), and every rendering is tested against
 * a live server for the constructs we accept (casts, {@code ::}, vector operators, CASE, COALESCE,
 * string functions, date arithmetic, numeric division).
 *
 * <p>Input field {@code i} is first rendered as a placeholder identifier and then replaced by
 * {@code inputColumn.apply(i)}, so callers can reference any relation alias or expression.
 */
public final class PgExpressionRenderer {
  private static final String PLACEHOLDER_PREFIX = "__pgt_input_";
  private static final Pattern PLACEHOLDER = Pattern.compile("\"" + PLACEHOLDER_PREFIX + "(\\d+)\"");
  private static final SqlImplementor.SimpleContext CONTEXT = new SqlImplementor.SimpleContext(
      PgSqlDialect.INSTANCE, i -> new SqlIdentifier(PLACEHOLDER_PREFIX + i, SqlParserPos.ZERO));

  private PgExpressionRenderer() {}

  /** {@code rex} as PostgreSQL SQL; input field {@code i} becomes {@code inputColumn.apply(i)}. */
  public static String render(RexNode rex, IntFunction<String> inputColumn) {
    SqlNode node = CONTEXT.toSql(null, rex);
    String sql = node.toSqlString(c -> c.withDialect(PgSqlDialect.INSTANCE)
        .withAlwaysUseParentheses(false)
        .withQuoteAllIdentifiers(true)
        .withIndentation(0)
        .withClauseStartsLine(false)
        .withClauseEndsLine(false)).getSql();
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(inputColumn.apply(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The PostgreSQL name of {@code type}, for casts. */
  public static String typeName(RelDataType type) {
    return PgTypeNames.of(type);
  }
}
