package io.pgtrickle.dvm.parse;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * {@code EXTRACT(field FROM x)} returns {@code numeric} in PostgreSQL (since 14), {@code BIGINT} in
 * Calcite. Rewritten before validation as {@code CAST(EXTRACT(field FROM x) AS NUMERIC)}, so the analysed
 * type is PostgreSQL's and the output cross-check agrees; the cast is a no-op in PostgreSQL (numeric to
 * unconstrained numeric keeps every digit, fractional seconds and epochs included).
 */
public final class ExtractAsNumeric extends SqlShuttle {

  /** The query with every EXTRACT call wrapped. */
  public static SqlNode rewrite(SqlNode query) {
    return query.accept(new ExtractAsNumeric());
  }

  private ExtractAsNumeric() {}

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (call.getKind() != SqlKind.EXTRACT) {
      return visited;
    }
    return SqlStdOperatorTable.CAST.createCall(call.getParserPosition(), visited,
        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, call.getParserPosition()),
            call.getParserPosition()));
  }
}
