package io.pgtrickle.refresh.immediate;

import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.refresh.sql.Sql;
import java.util.StringJoiner;

/**
 * The session-local change buffers of IMMEDIATE maintenance: per stream table and source a temporary
 * table {@code pg_temp."__pgt_imm_<id>_<source oid>"} holding the referenced columns and the weight
 * {@code "__pgt_w"} (+1 a row appeared, −1 it disappeared). The AFTER triggers append their transition
 * tables to it; the maintenance that follows reads and empties it. The tables are created on first use
 * in a session (by the trigger functions), {@code ON COMMIT DELETE ROWS}, so a buffer never outlives
 * its transaction, and rows written in a rolled-back (sub)transaction vanish with it.
 */
final class ChangeBuffers {

  static final String WEIGHT = DeltaPlan.WEIGHT_COLUMN;

  private ChangeBuffers() {}

  /** The unqualified name. */
  static String name(long pgtId, long sourceOid) {
    return "__pgt_imm_" + pgtId + "_" + sourceOid;
  }

  /** {@code pg_temp."…"}. */
  static String qualified(long pgtId, long sourceOid) {
    return "pg_temp." + Sql.ident(name(pgtId, sourceOid));
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
    return "IF pg_catalog.to_regclass(" + Sql.literal(qualified(pgtId, source.oid())) + ") IS NULL THEN\n"
        + "    CREATE TEMPORARY TABLE " + Sql.ident(name(pgtId, source.oid())) + " (" + cols
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
