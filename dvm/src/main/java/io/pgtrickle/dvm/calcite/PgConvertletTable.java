package io.pgtrickle.dvm.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's standard SQL → Rex conversions, except where they change PostgreSQL semantics:
 * {@code GREATEST}/{@code LEAST} are kept as calls (Calcite rewrites them into a CASE that returns
 * NULL when any argument is NULL; PostgreSQL ignores NULL arguments).
 */
public final class PgConvertletTable implements SqlRexConvertletTable {
  /** The one instance. */
  public static final PgConvertletTable INSTANCE = new PgConvertletTable();

  private PgConvertletTable() {}

  @Override public SqlRexConvertlet get(SqlCall call) {
    String name = call.getOperator().getName();
    if (name.equalsIgnoreCase("GREATEST") || name.equalsIgnoreCase("LEAST")) {
      return (cx, c) -> cx.getRexBuilder().makeCall(cx.getValidator().getValidatedNodeType(c),
          c.getOperator(), c.getOperandList().stream().map(cx::convertExpression).toList());
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }
}
