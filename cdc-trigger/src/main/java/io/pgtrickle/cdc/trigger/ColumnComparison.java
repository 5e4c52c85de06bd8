package io.pgtrickle.cdc.trigger;

import java.util.Set;

/**
 * How the capture decides whether a column's old and new value differ, and how it lets such values
 * through a multiset difference ({@code EXCEPT ALL}).
 *
 * <p>"Equal" must mean "the same value", not merely "equal under the type's equality operator":
 * {@code 1.0 = 1.00} for numeric, {@code '1 day' = '24 hours'} for interval, {@code 'a' = 'A'} under a
 * case-insensitive collation, {@code 'x' = 'x '} for unbounded {@code bpchar}, and json, xml or point have
 * no equality at all. Only the built-in types whose equality is identity compare natively; everything
 * else compares by its text form (output function, bytewise), which is exact for every type whose output
 * identifies its value. Float output is pinned to shortest-exact by the capture function's
 * {@code extra_float_digits} setting.
 */
enum ColumnComparison {
  /** Native equality is identity: bool, integers, oid, uuid, bytea, date/time types, deterministic text. */
  EXACT,
  /** Compare and carry the text form, {@code x::text}. */
  TEXT_FORM,
  /** Text form of blank-padded char, which {@code ::text} would trim: {@code textin(bpcharout(x))}. */
  BLANK_PADDED_TEXT_FORM;

  /** Base type OIDs whose equality operator is identity (given a deterministic collation). */
  private static final Set<Long> EXACT_TYPES =
      Set.of(
          16L, // bool
          17L, // bytea
          18L, // "char"
          19L, // name
          20L, // int8
          21L, // int2
          23L, // int4
          25L, // text
          26L, // oid
          1043L, // varchar
          1082L, // date
          1083L, // time
          1114L, // timestamp
          1184L, // timestamptz
          2950L); // uuid

  private static final long BPCHAR = 1042L;
  private static final long NUMERIC = 1700L;

  /**
   * The comparison for a column of base type {@code baseTypeOid} with type modifier {@code typmod} and
   * the given collation kind. A numeric with a declared scale stores every value at that scale, so its
   * equality is identity too.
   */
  static ColumnComparison forType(long baseTypeOid, int typmod, boolean deterministicCollation) {
    if (EXACT_TYPES.contains(baseTypeOid) && deterministicCollation) {
      return EXACT;
    }
    if (baseTypeOid == NUMERIC && typmod >= 0) {
      return EXACT;
    }
    return baseTypeOid == BPCHAR ? BLANK_PADDED_TEXT_FORM : TEXT_FORM;
  }

  /** SQL for the value compared, given SQL {@code ref} for the column (e.g. {@code o."a"}). */
  String comparable(String ref) {
    return switch (this) {
      case EXACT -> ref;
      case TEXT_FORM -> "((" + ref + ")::text COLLATE \"C\")";
      case BLANK_PADDED_TEXT_FORM -> "(textin(bpcharout(" + ref + ")) COLLATE \"C\")";
    };
  }

  /** SQL turning a {@link #comparable} value back into the column's type. */
  String restore(String comparableRef, String sqlType) {
    return this == EXACT ? comparableRef : "(" + comparableRef + ")::" + sqlType;
  }
}
