package io.pgtrickle.dvm.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeComparability;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ObjectSqlType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A PostgreSQL type Calcite has no equivalent for ({@code vector}, {@code json}, {@code jsonb}, enums,
 * other extension or user types). To the validator it behaves like {@code ANY} (every operand check
 * accepts it, so {@code avg(embedding)} and {@code embedding <-> q} validate); it keeps the
 * PostgreSQL type name (schema-qualified unless in {@code pg_catalog}/{@code public}) so a cast to it
 * renders back as {@code CAST(x AS vector)}. PostgreSQL stays the authority on what such
 * expressions return.
 */
public final class PgNamedType {
  private PgNamedType() {}

  /** The Calcite type for the PostgreSQL type named by {@code names} (e.g. {@code ["vector"]}). */
  public static RelDataType create(RelDataTypeFactory factory, List<String> names, boolean nullable) {
    return factory.createTypeWithNullability(new AnyLike(names, nullable), nullable);
  }

  /** An {@link ObjectSqlType} whose family is ANY, whatever copies of it are made. */
  static final class AnyLike extends ObjectSqlType {
    AnyLike(List<String> names, boolean nullable) {
      super(SqlTypeName.ANY, new SqlIdentifier(names, SqlParserPos.ZERO), nullable, null,
          RelDataTypeComparability.ALL);
    }

    @Override public org.apache.calcite.rel.type.RelDataTypeFamily getFamily() {
      return SqlTypeFamily.ANY;
    }
  }

  /** True if {@code type} came from {@link #create}. */
  public static boolean is(RelDataType type) {
    return type instanceof ObjectSqlType && type.getSqlTypeName() == SqlTypeName.ANY;
  }

  /** The PostgreSQL type name parts of a {@link #create}d type. */
  public static List<String> names(RelDataType type) {
    return ((ObjectSqlType) type).getSqlIdentifier().names;
  }
}
