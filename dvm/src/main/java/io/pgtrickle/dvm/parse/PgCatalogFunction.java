package io.pgtrickle.dvm.parse;

import io.pgtrickle.dvm.catalog.PgFunction;
import io.pgtrickle.dvm.catalog.Volatility;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A scalar function known only from {@code pg_proc} (user functions, and PostgreSQL built-ins that
 * Calcite's library lacks), with a given number of arguments. Arguments are accepted as they come;
 * PostgreSQL resolves the overload when the SQL runs. Carries the overloads' volatility and whether
 * any returns a set, for the analysis to refuse volatile and set-returning calls.
 */
public final class PgCatalogFunction extends SqlFunction {
  private final List<PgFunction> overloads;

  PgCatalogFunction(String name, int arity, List<PgFunction> overloads, SqlReturnTypeInference returnType) {
    super(name, SqlKind.OTHER_FUNCTION,
        returnType, null, OperandTypes.repeat(
            org.apache.calcite.sql.type.SqlOperandCountRanges.of(arity), OperandTypes.ANY),
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.overloads = List.copyOf(overloads);
  }

  /** The most volatile of the overloads (PostgreSQL picks one at run time; assume the worst). */
  public Volatility volatility() {
    return overloads.stream().map(PgFunction::volatility).reduce(Volatility.IMMUTABLE, Volatility::max);
  }

  /** True if an overload returns a set. */
  public boolean returnsSet() {
    return overloads.stream().anyMatch(PgFunction::returnsSet);
  }

  /** {@code "name"(args)}: the exact {@code pg_proc} name, quoted, so mixed-case names survive. */
  @Override public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.identifier(getName(), true);
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
    for (SqlNode operand : call.getOperandList()) {
      writer.sep(",");
      operand.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  @Override public boolean isDeterministic() {
    return volatility() != Volatility.VOLATILE;
  }

  @Override public boolean isDynamicFunction() {
    return volatility() == Volatility.STABLE;
  }
}
