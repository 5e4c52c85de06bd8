package io.pgtrickle.dvm.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's standard SQL → Rex conversions, except where they change what PostgreSQL computes:
 * <ul>
 *   <li>{@code GREATEST}/{@code LEAST} stay calls: Calcite rewrites them into a CASE that returns
 *   NULL when any argument is NULL, while PostgreSQL ignores NULL arguments.</li>
 *   <li>{@code COALESCE}/{@code NULLIF} stay calls: Calcite's CASE expansion adds casts that change
 *   PostgreSQL's result type ({@code varchar} becomes {@code text}) and literal scale
 *   ({@code COALESCE(numeric(12,2), 0)} would print {@code 0.00}).</li>
 * </ul>
 */
public final class PgConvertletTable implements SqlRexConvertletTable {
  /** The one instance. */
  public static final PgConvertletTable INSTANCE = new PgConvertletTable();

  private PgConvertletTable() {}

  @Override public SqlRexConvertlet get(SqlCall call) {
    String name = call.getOperator().getName();
    if (name.equalsIgnoreCase("GREATEST") || name.equalsIgnoreCase("LEAST")
        || name.equalsIgnoreCase("COALESCE") || name.equalsIgnoreCase("NULLIF")) {
      return (cx, c) -> cx.getRexBuilder().makeCall(cx.getValidator().getValidatedNodeType(c),
          c.getOperator(), c.getOperandList().stream().map(cx::convertExpression).toList());
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }
}
