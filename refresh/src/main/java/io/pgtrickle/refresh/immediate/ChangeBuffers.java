package io.pgtrickle.refresh.immediate;

import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.refresh.sql.Sql;
import java.util.StringJoiner;

/**
 * The session-local change buffers of IMMEDIATE maintenance: per stream table and source a temporary
 * table {@code pg_temp."__pgt_imm_<id>_<source oid>_<layout>"} holding the referenced columns and the weight
 * {@code "__pgt_w"} (+1 a row appeared, −1 it disappeared). The AFTER triggers append their transition
 * tables to it; the maintenance that follows reads and empties it. The tables are created on first use
 * in a session (by the trigger functions), {@code ON COMMIT DELETE ROWS}, so a buffer never outlives
 * its transaction, and rows written in a rolled-back (sub)transaction vanish with it. {@code <layout>}
 * is a hash of the column names and types: after a source column was renamed and the stream table
 * rebuilt, sessions that still hold a buffer of the old layout create a new one instead of failing.
 */
final class ChangeBuffers {

  static final String WEIGHT = DeltaPlan.WEIGHT_COLUMN;

  private ChangeBuffers() {}

  /** The unqualified name. */
  static String name(long pgtId, ImmediatePlan.Source source) {
    return "__pgt_imm_" + pgtId + "_" + source.oid() + "_"
        + String.format("%08x", (source.columns() + "|" + source.types()).hashCode());
  }

  /** {@code pg_temp."…"}. */
  static String qualified(long pgtId, ImmediatePlan.Source source) {
    return "pg_temp." + Sql.ident(name(pgtId, source));
  }

  /**
   * PL/pgSQL: creates the buffer unless it exists in this session (no NOTICE when it does). The column
   * types are spelled out, so the buffer does not depend on the source still existing.
   */
  static String ensure(long pgtId, ImmediatePlan.Source source) {
    StringJoiner cols = new StringJoiner(", ");
    for (int i = 0; i < source.columns().size(); i++) {
      cols.add(Sql.ident(source.columns().get(i)) + " " + source.types().get(i));
    }
    cols.add(Sql.ident(WEIGHT) + " integer");
    return "IF pg_catalog.to_regclass(" + Sql.literal(qualified(pgtId, source)) + ") IS NULL THEN\n"
        + "    CREATE TEMPORARY TABLE " + Sql.ident(name(pgtId, source)) + " (" + cols
        + ") ON COMMIT DELETE ROWS;\n"
        + "  END IF;";
  }

  /** The buffer's column list (referenced columns, then the weight). */
  static String columnList(ImmediatePlan.Source source) {
    StringJoiner cols = new StringJoiner(", ");
    for (String c : source.columns()) {
      cols.add(Sql.ident(c));
    }
    cols.add(Sql.ident(WEIGHT));
    return cols.toString();
  }
}
