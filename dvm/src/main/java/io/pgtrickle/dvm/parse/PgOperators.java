package io.pgtrickle.dvm.parse;

import java.util.List;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * PostgreSQL operators and functions that neither Calcite's standard table nor its POSTGRESQL library
 * defines: pgvector's distance operators, jsonb access/containment, and a few PostgreSQL functions
 * whose volatility matters ({@code now()}, {@code random()}, {@code clock_timestamp()}).
 *
 * <p>The binary operators sit at precedence {@value #PG_OTHER_OPERATOR_PRECEDENCE}: PostgreSQL's
 * "any other operator" level, tighter than comparison ({@code <} is 30 in Calcite) and looser than
 * {@code +}/{@code -} (40). So {@code e <-> q < 2} is {@code (e <-> q) < 2} and {@code a <-> b + c}
 * is {@code a <-> (b + c)}, as in PostgreSQL. The generated parser ({@code PgSqlParserImpl}) creates
 * calls to these instances; the validator finds them through {@link #TABLE}.
 */
public final class PgOperators {
  /** PostgreSQL's precedence level for user/extension operators, in Calcite's scale. */
  public static final int PG_OTHER_OPERATOR_PRECEDENCE = 36;

  /** pgvector L2 distance {@code <->}; float8. */
  public static final SqlBinaryOperator L2_DISTANCE = distance("<->");
  /** pgvector cosine distance {@code <=>}; float8. Never MySQL's null-safe equality. */
  public static final SqlBinaryOperator COSINE_DISTANCE = distance("<=>");
  /** pgvector negative inner product {@code <#>}; float8. */
  public static final SqlBinaryOperator NEGATIVE_INNER_PRODUCT = distance("<#>");

  /** jsonb/json field or element as text, {@code ->>}. */
  public static final SqlBinaryOperator JSON_GET_TEXT =
      binary("->>", ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(
          org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE));
  /** jsonb/json field or element, {@code ->}; same type as its left operand. */
  public static final SqlBinaryOperator JSON_GET = binary("->", ReturnTypes.ARG0_FORCE_NULLABLE);
  /** Containment {@code @>} (jsonb, arrays, ranges). */
  public static final SqlBinaryOperator CONTAINS = binary("@>", ReturnTypes.BOOLEAN_NULLABLE);
  /** Contained-by {@code <@}. */
  public static final SqlBinaryOperator CONTAINED_BY = binary("<@", ReturnTypes.BOOLEAN_NULLABLE);

  /** {@code now()}: stable in PostgreSQL (transaction start time), fine for maintenance. */
  public static final SqlFunction NOW =
      function("now", ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6), true, false);
  /** {@code clock_timestamp()}: volatile. */
  public static final SqlFunction CLOCK_TIMESTAMP =
      function("clock_timestamp", ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6),
          false, true);
  /** {@code random()}: volatile. */
  public static final SqlFunction RANDOM =
      function("random", ReturnTypes.explicit(SqlTypeName.DOUBLE), false, true);

  /** All of the above, for chaining in front of Calcite's library table. */
  public static final SqlOperatorTable TABLE = SqlOperatorTables.of(List.<SqlOperator>of(
      L2_DISTANCE, COSINE_DISTANCE, NEGATIVE_INNER_PRODUCT, JSON_GET_TEXT, JSON_GET, CONTAINS,
      CONTAINED_BY, NOW, CLOCK_TIMESTAMP, RANDOM));

  private PgOperators() {}

  private static SqlBinaryOperator distance(String name) {
    return binary(name, ReturnTypes.explicit(SqlTypeName.DOUBLE).andThen(
        org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE));
  }

  private static SqlBinaryOperator binary(String name, SqlReturnTypeInference returnType) {
    return new SqlBinaryOperator(name, SqlKind.OTHER, PG_OTHER_OPERATOR_PRECEDENCE, true, returnType,
        null, OperandTypes.ANY_ANY);
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      boolean dynamic, boolean volatile_) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, OperandTypes.NILADIC,
        SqlFunctionCategory.SYSTEM) {
      @Override public boolean isDynamicFunction() {
        return dynamic;
      }

      @Override public boolean isDeterministic() {
        return !volatile_;
      }
    };
  }
}
