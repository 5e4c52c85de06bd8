package io.pgtrickle.refresh.immediate;

import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.refresh.sql.Sql;
import java.util.StringJoiner;

/**
 * The session-local change buffers of IMMEDIATE maintenance: per stream table and source a temporary
 * table {@code pg_temp."__pgt_imm_<id>_<source oid>_<layout>"} holding the referenced columns and the weight
 * {@code "__pgt_w"} (+1 a row appeared, −1 it disappeared). The AFTER triggers append their transition
 * tables to it; the maintenance that follows (in the same outermost statement) reads and empties it,
 * so a buffer is empty between statements; rows written in a rolled-back (sub)transaction vanish with
 * it. The tables are created on first use in a session (by the trigger functions) and kept: no DDL
 * in the trigger path after that, and no {@code ON COMMIT DELETE ROWS} (that truncates every buffer
 * of the session at every commit, which costs more than the rest of a small write's maintenance).
 * Emptying with DELETE leaves dead line pointers that only VACUUM could reclaim, and autovacuum
 * skips temporary tables: once a buffer has grown past {@value #RECYCLE_BYTES} bytes it is emptied
 * with TRUNCATE instead ({@link #empty}).
 * {@code <layout>} is a hash of the column names and types: after a source column was renamed and
 * the stream table rebuilt, sessions that still hold a buffer of the old layout create a new one
 * instead of failing.
 */
final class ChangeBuffers {

  static final String WEIGHT = DeltaPlan.WEIGHT_COLUMN;

  /** A buffer larger than this is emptied by TRUNCATE (a new file) instead of DELETE. */
  static final long RECYCLE_BYTES = 16 * 8192;

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
        + ");\n"
        + "  END IF;";
  }

  /**
   * PL/pgSQL: empties the buffer, by DELETE while it is small, else by TRUNCATE (which gives it a new,
   * empty file: the statements that read it are planned again once, and the dead rows are gone).
   */
  static String empty(long pgtId, ImmediatePlan.Source source) {
    String buffer = qualified(pgtId, source);
    return "IF pg_catalog.pg_relation_size(" + Sql.literal(buffer) + "::pg_catalog.regclass) > "
        + RECYCLE_BYTES + " THEN\n    TRUNCATE " + buffer + ";\n  ELSE\n    DELETE FROM " + buffer
        + ";\n  END IF;";
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
