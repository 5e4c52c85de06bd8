package io.pgtrickle.dvm.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Keeps casts to PostgreSQL-named types. Calcite drops a cast of a literal to an ANY-like type
 * ({@code '[1,2,3]'::vector} would become the bare string, calcite.md §2); the cast carries meaning
 * in PostgreSQL (it picks the operator and the overload), so we keep it as written. Likewise
 * {@code '1 day'::interval}: a PostgreSQL interval string Calcite cannot evaluate, kept as a cast.
 */
public final class PgRexBuilder extends RexBuilder {
  /** A builder over {@code typeFactory}. */
  public PgRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp,
      boolean matchNullability, boolean safe, RexLiteral format) {
    if ((PgNamedType.is(type) || isCharToInterval(type, exp)) && !type.equals(exp.getType())) {
      return makeAbstractCast(pos, type, exp, safe);
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }

  /** {@code '1 day'::interval}: PostgreSQL parses the text at run time; Calcite could not. */
  private static boolean isCharToInterval(RelDataType type, RexNode exp) {
    return SqlTypeUtil.isInterval(type) && exp instanceof RexLiteral && SqlTypeUtil.isCharacter(exp.getType());
  }
}
