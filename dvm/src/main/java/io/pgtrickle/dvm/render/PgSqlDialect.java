package io.pgtrickle.dvm.render;

import io.pgtrickle.dvm.calcite.PgNamedType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Calcite's PostgreSQL dialect with the two things that make expression output exact for us:
 * <ul>
 *   <li>Casts name PostgreSQL types ({@link PgTypeNames}): {@code numeric} stays unconstrained,
 *   {@code text} is not {@code VARCHAR(65536)}, {@code timestamptz} is {@code timestamp with time zone},
 *   and extension types such as {@code vector} keep their name instead of being dropped.</li>
 *   <li>Every operator call is parenthesised. Calcite's precedences are not PostgreSQL's (e.g.
 *   {@code ||} or the pgvector operators), so we never rely on either.</li>
 * </ul>
 */
public final class PgSqlDialect extends PostgresqlSqlDialect {
  /** The one instance. */
  public static final PgSqlDialect INSTANCE = new PgSqlDialect();

  private PgSqlDialect() {
    super(PostgresqlSqlDialect.DEFAULT_CONTEXT);
  }

  @Override public SqlNode getCastSpec(RelDataType type) {
    if (PgNamedType.is(type)) {
      return new SqlDataTypeSpec(new SqlUserDefinedTypeNameSpec(
          new SqlIdentifier(PgNamedType.names(type), SqlParserPos.ZERO), SqlParserPos.ZERO),
          SqlParserPos.ZERO);
    }
    return new SqlDataTypeSpec(
        new SqlAlienSystemTypeNameSpec(PgTypeNames.of(type), type.getSqlTypeName(), SqlParserPos.ZERO),
        SqlParserPos.ZERO);
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getOperator() instanceof SqlBinaryOperator
        || call.getOperator() instanceof SqlPrefixOperator
        || call.getOperator() instanceof SqlPostfixOperator) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      super.unparseCall(writer, call, 0, 0);
      writer.endList(frame);
      return;
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}
