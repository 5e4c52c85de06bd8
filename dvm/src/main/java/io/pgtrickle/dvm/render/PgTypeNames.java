package io.pgtrickle.dvm.render;

import io.pgtrickle.dvm.calcite.PgNamedType;
import io.pgtrickle.dvm.calcite.PgTypeSystem;
import io.pgtrickle.dvm.catalog.PgIdentifiers;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;

/** The PostgreSQL spelling of a Calcite type, as used in casts. The inverse of {@code PgTypeMapping}. */
public final class PgTypeNames {
  private PgTypeNames() {}

  /** E.g. {@code numeric(12,2)}, {@code text}, {@code timestamp(6) with time zone}, {@code "vector"}, {@code integer[]}. */
  public static String of(RelDataType type) {
    if (PgNamedType.is(type)) {
      return PgNamedType.names(type).stream().map(PgIdentifiers::quote).collect(Collectors.joining("."));
    }
    int p = type.getPrecision();
    switch (type.getSqlTypeName()) {
      case BOOLEAN: return "boolean";
      case TINYINT:
      case SMALLINT: return "smallint";
      case INTEGER: return "integer";
      case BIGINT: return "bigint";
      case REAL: return "real";
      case FLOAT:
      case DOUBLE: return "double precision";
      case DECIMAL:
        return p >= PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION || p <= 0
            ? "numeric" : "numeric(" + p + "," + Math.max(type.getScale(), 0) + ")";
      case CHAR: return "char(" + Math.max(p, 1) + ")";
      case VARCHAR:
        return p <= 0 || p >= 10_485_760 || p == RelDataType.PRECISION_NOT_SPECIFIED
            || p == 65_536 ? "text" : "varchar(" + p + ")";
      case BINARY:
      case VARBINARY: return "bytea";
      case DATE: return "date";
      case TIME: return "time(" + p + ")";
      case TIMESTAMP: return "timestamp(" + p + ")";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      case TIMESTAMP_TZ: return "timestamp(" + p + ") with time zone";
      case UUID: return "uuid";
      case ARRAY: return of(type.getComponentType()) + "[]";
      case NULL: return "text";
      default:
        if (type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH
            || type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
          return "interval";
        }
        throw new IllegalArgumentException("no PostgreSQL type for " + type.getFullTypeString());
    }
  }
}
