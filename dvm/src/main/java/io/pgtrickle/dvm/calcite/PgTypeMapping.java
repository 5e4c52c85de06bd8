package io.pgtrickle.dvm.calcite;

import io.pgtrickle.dvm.catalog.PgType;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL type (+ typmod) to Calcite type. Exact where Calcite has the type ({@code numeric(p,s)},
 * {@code varchar(n)}, {@code timestamptz} as TIMESTAMP WITH LOCAL TIME ZONE, arrays, domains through
 * their base type); everything else ({@code json}, {@code jsonb}, {@code vector}, enums, composite and
 * extension types) becomes a {@link PgNamedType} that keeps its PostgreSQL name.
 */
public final class PgTypeMapping {
  private PgTypeMapping() {}

  /** The Calcite type of a value of PostgreSQL type {@code type} with {@code typmod} (-1: none). */
  public static RelDataType toRelType(RelDataTypeFactory f, PgType type, int typmod, boolean nullable) {
    return f.createTypeWithNullability(toRelType(f, type, typmod), nullable);
  }

  private static RelDataType toRelType(RelDataTypeFactory f, PgType type, int typmod) {
    if (type.isArray()) {
      return f.createArrayType(
          f.createTypeWithNullability(toRelType(f, type.element().orElseThrow(), typmod), true), -1);
    }
    if (type.kind() == PgType.Kind.DOMAIN && type.baseType().isPresent()) {
      return toRelType(f, type.baseType().get(), typmod >= 0 ? typmod : type.baseTypmod());
    }
    if (!"pg_catalog".equals(type.schema())) {
      return PgNamedType.create(f, "public".equals(type.schema())
          ? List.of(type.name()) : List.of(type.schema(), type.name()), true);
    }
    switch (type.name()) {
      case "bool": return f.createSqlType(SqlTypeName.BOOLEAN);
      case "int2": return f.createSqlType(SqlTypeName.SMALLINT);
      case "int4": return f.createSqlType(SqlTypeName.INTEGER);
      case "int8":
      case "oid": return f.createSqlType(SqlTypeName.BIGINT);
      case "float4": return f.createSqlType(SqlTypeName.REAL);
      case "float8": return f.createSqlType(SqlTypeName.DOUBLE);
      case "numeric":
        if (typmod < 4) {
          return PgTypeSystem.unconstrainedNumeric(f);
        }
        return f.createSqlType(SqlTypeName.DECIMAL, ((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff);
      case "text":
      case "name": return f.createSqlType(SqlTypeName.VARCHAR);
      case "varchar":
        return typmod >= 4 ? f.createSqlType(SqlTypeName.VARCHAR, typmod - 4) : f.createSqlType(SqlTypeName.VARCHAR);
      case "bpchar":
        return f.createSqlType(SqlTypeName.CHAR, typmod >= 4 ? typmod - 4 : 1);
      case "date": return f.createSqlType(SqlTypeName.DATE);
      case "time": return f.createSqlType(SqlTypeName.TIME, typmod >= 0 ? typmod : 6);
      case "timestamp": return f.createSqlType(SqlTypeName.TIMESTAMP, typmod >= 0 ? typmod : 6);
      case "timestamptz":
        return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, typmod >= 0 ? typmod : 6);
      case "interval":
        return f.createSqlIntervalType(
            new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
      case "uuid": return f.createSqlType(SqlTypeName.UUID);
      case "bytea": return f.createSqlType(SqlTypeName.VARBINARY);
      default: return PgNamedType.create(f, List.of(type.name()), true);
    }
  }
}
