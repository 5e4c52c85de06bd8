package io.pgtrickle.dvm.calcite;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type rules bent towards PostgreSQL's where the difference would show up in output types:
 * numerics up to 1000 digits (an unconstrained {@code numeric} is {@link #UNCONSTRAINED_NUMERIC_PRECISION}
 * digits and renders back as plain {@code numeric}), microsecond timestamps, string literals of
 * different lengths typed as VARCHAR rather than blank-padded CHAR (calcite.md §2), and
 * {@code sum}/{@code avg} result types as PostgreSQL derives them ({@code sum(int4)} is {@code int8},
 * {@code sum(int8)} and {@code avg} of exact numbers are {@code numeric}).
 */
public final class PgTypeSystem extends RelDataTypeSystemImpl {
  /** PostgreSQL keeps times and timestamps to the microsecond: precision 6, also by default. */
  private static final int MICROSECONDS = 6;

  private static final Set<SqlTypeName> TIME_TYPES = EnumSet.of(
      SqlTypeName.TIME, SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE, SqlTypeName.TIME_TZ,
      SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, SqlTypeName.TIMESTAMP_TZ);

  /** The one instance. */
  public static final PgTypeSystem INSTANCE = new PgTypeSystem();
  /** Precision standing for PostgreSQL's unconstrained {@code numeric}. */
  public static final int UNCONSTRAINED_NUMERIC_PRECISION = 1000;
  /** Scale given to an unconstrained {@code numeric}. */
  public static final int UNCONSTRAINED_NUMERIC_SCALE = 500;

  private PgTypeSystem() {}

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return UNCONSTRAINED_NUMERIC_PRECISION;
    }
    return TIME_TYPES.contains(typeName) ? MICROSECONDS : super.getMaxPrecision(typeName);
  }

  @Override public int getDefaultPrecision(SqlTypeName typeName) {
    return TIME_TYPES.contains(typeName) ? MICROSECONDS : super.getDefaultPrecision(typeName);
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? UNCONSTRAINED_NUMERIC_PRECISION : super.getMaxScale(typeName);
  }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
    RelDataType t;
    switch (argumentType.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        t = f.createSqlType(SqlTypeName.BIGINT);
        break;
      case BIGINT:
      case DECIMAL:
        t = unconstrainedNumeric(f);
        break;
      default:
        return super.deriveSumType(f, argumentType);
    }
    return f.createTypeWithNullability(t, argumentType.isNullable());
  }

  @Override public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
    switch (argumentType.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL:
        return f.createTypeWithNullability(unconstrainedNumeric(f), argumentType.isNullable());
      case REAL:
      case FLOAT:
      case DOUBLE:
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
      default:
        return super.deriveAvgAggType(f, argumentType);
    }
  }

  /** PostgreSQL's {@code numeric} without precision and scale. */
  public static RelDataType unconstrainedNumeric(RelDataTypeFactory f) {
    return f.createSqlType(SqlTypeName.DECIMAL, UNCONSTRAINED_NUMERIC_PRECISION, UNCONSTRAINED_NUMERIC_SCALE);
  }
}
