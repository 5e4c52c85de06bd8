package io.pgtrickle.dvm.catalog;

import java.util.List;

/**
 * The built-in types with their fixed OIDs ({@code pg_type.dat}; stable across PostgreSQL releases).
 * Used by {@link InMemoryCatalog} and as a fast path by readers.
 */
public final class PgBuiltinTypes {
  public static final PgType BOOL = PgType.builtin(16, "bool", 'B');
  public static final PgType BYTEA = PgType.builtin(17, "bytea", 'U');
  public static final PgType INT8 = PgType.builtin(20, "int8", 'N');
  public static final PgType INT2 = PgType.builtin(21, "int2", 'N');
  public static final PgType INT4 = PgType.builtin(23, "int4", 'N');
  public static final PgType TEXT = PgType.builtin(25, "text", 'S');
  public static final PgType OID = PgType.builtin(26, "oid", 'N');
  public static final PgType JSON = PgType.builtin(114, "json", 'U');
  public static final PgType FLOAT4 = PgType.builtin(700, "float4", 'N');
  public static final PgType FLOAT8 = PgType.builtin(701, "float8", 'N');
  public static final PgType BPCHAR = PgType.builtin(1042, "bpchar", 'S');
  public static final PgType VARCHAR = PgType.builtin(1043, "varchar", 'S');
  public static final PgType DATE = PgType.builtin(1082, "date", 'D');
  public static final PgType TIME = PgType.builtin(1083, "time", 'D');
  public static final PgType TIMESTAMP = PgType.builtin(1114, "timestamp", 'D');
  public static final PgType TIMESTAMPTZ = PgType.builtin(1184, "timestamptz", 'D');
  public static final PgType INTERVAL = PgType.builtin(1186, "interval", 'T');
  public static final PgType NUMERIC = PgType.builtin(1700, "numeric", 'N');
  public static final PgType UUID = PgType.builtin(2950, "uuid", 'U');
  public static final PgType JSONB = PgType.builtin(3802, "jsonb", 'U');

  public static final PgType BOOL_ARRAY = PgType.arrayOf(1000, BOOL);
  public static final PgType INT2_ARRAY = PgType.arrayOf(1005, INT2);
  public static final PgType INT4_ARRAY = PgType.arrayOf(1007, INT4);
  public static final PgType TEXT_ARRAY = PgType.arrayOf(1009, TEXT);
  public static final PgType VARCHAR_ARRAY = PgType.arrayOf(1015, VARCHAR);
  public static final PgType INT8_ARRAY = PgType.arrayOf(1016, INT8);
  public static final PgType FLOAT8_ARRAY = PgType.arrayOf(1022, FLOAT8);
  public static final PgType NUMERIC_ARRAY = PgType.arrayOf(1231, NUMERIC);

  /** All of the above. */
  public static final List<PgType> ALL = List.of(BOOL, BYTEA, INT8, INT2, INT4, TEXT, OID, JSON,
      FLOAT4, FLOAT8, BPCHAR, VARCHAR, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, NUMERIC, UUID,
      JSONB, BOOL_ARRAY, INT2_ARRAY, INT4_ARRAY, TEXT_ARRAY, VARCHAR_ARRAY, INT8_ARRAY, FLOAT8_ARRAY,
      NUMERIC_ARRAY);

  private PgBuiltinTypes() {}
}
