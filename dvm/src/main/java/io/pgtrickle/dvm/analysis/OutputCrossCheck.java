package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.calcite.PgNamedType;
import io.pgtrickle.dvm.calcite.PgTypeFactory;
import io.pgtrickle.dvm.calcite.PgTypeMapping;
import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.catalog.PgType;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.render.PgTypeNames;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compares the analysed output columns with PostgreSQL's own (ARCHITECTURE §6: PostgreSQL is the
 * authority). The column count must match, and each column's type must be the same kind of type:
 * the same integer or floating type, both numeric, both character strings, the same date/time type,
 * both intervals, the same named type ({@code vector} = {@code vector}), arrays of matching elements.
 * Precision, scale, length and nullability are PostgreSQL's business (the stream table is created with
 * its types). Any disagreement turns the verdict into {@link AnalysisResult.Unsupported}, so the
 * engine falls back to FULL refresh instead of maintaining with a mistaken analysis.
 */
public final class OutputCrossCheck {
  private OutputCrossCheck() {}

  /** {@code analysis} unchanged if it agrees with {@code postgres}, else an Unsupported verdict. */
  public static AnalysisResult check(AnalysisResult analysis, List<PgOutputColumn> postgres, CatalogReader catalog) {
    if (!(analysis instanceof AnalysisResult.Supported supported)) {
      return analysis;
    }
    List<Column> ours = supported.outputColumns();
    if (ours.size() != postgres.size()) {
      return new AnalysisResult.Unsupported("analysis disagrees with PostgreSQL on the number of columns: "
          + ours.size() + " vs " + postgres.size());
    }
    PgTypeFactory factory = new PgTypeFactory();
    for (int i = 0; i < ours.size(); i++) {
      PgOutputColumn pg = postgres.get(i);
      Optional<PgType> pgType = catalog.type(pg.typeOid());
      RelDataType expected = pgType.map(t -> PgTypeMapping.toRelType(factory, t, pg.typmod(), true)).orElse(null);
      RelDataType actual = ours.get(i).type();
      if (expected == null || !compatible(actual, expected)) {
        return new AnalysisResult.Unsupported("analysis disagrees with PostgreSQL on column " + (i + 1)
            + " (" + pg.name() + "): analysed as " + describe(actual) + ", PostgreSQL says "
            + pgType.map(PgType::sqlName).orElse("type " + pg.typeOid()));
      }
    }
    return analysis;
  }

  /** Same kind of type, ignoring precision, scale, length and nullability. */
  static boolean compatible(RelDataType ours, RelDataType theirs) {
    if (PgNamedType.is(ours) || PgNamedType.is(theirs)) {
      return PgNamedType.is(ours) && PgNamedType.is(theirs)
          && PgNamedType.names(ours).equals(PgNamedType.names(theirs));
    }
    SqlTypeName a = ours.getSqlTypeName();
    SqlTypeName b = theirs.getSqlTypeName();
    if (a == SqlTypeName.ARRAY || b == SqlTypeName.ARRAY) {
      return a == b && compatible(ours.getComponentType(), theirs.getComponentType());
    }
    SqlTypeFamily fa = a.getFamily();
    SqlTypeFamily fb = b.getFamily();
    if (fa == SqlTypeFamily.CHARACTER && fb == SqlTypeFamily.CHARACTER) {
      return true;
    }
    if (a == SqlTypeName.DECIMAL && b == SqlTypeName.DECIMAL) {
      return true;
    }
    if (isInterval(fa) && isInterval(fb)) {
      return true;
    }
    if ((a == SqlTypeName.BINARY || a == SqlTypeName.VARBINARY) && (b == SqlTypeName.BINARY || b == SqlTypeName.VARBINARY)) {
      return true;
    }
    return a == b;
  }

  private static boolean isInterval(SqlTypeFamily f) {
    return f == SqlTypeFamily.INTERVAL_DAY_TIME || f == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }

  private static String describe(RelDataType t) {
    try {
      return PgTypeNames.of(t);
    } catch (IllegalArgumentException e) {
      return t.getFullTypeString();
    }
  }
}
