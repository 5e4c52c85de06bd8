package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.sql.Maintenance;
import io.pgtrickle.refresh.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Generates the PL/pgSQL of one IMMEDIATE stream table (all functions in schema {@code pgtrickle}):
 *
 * <ul>
 *   <li>{@code __pgt_imm_before_<id>()}: BEFORE each statement on a source (INSERT, UPDATE, DELETE,
 *       TRUNCATE) it increments the transaction-local statement depth {@code pgtrickle.imm_depth_<id>};
 *       the outermost statement first locks the stream table's {@code pgt_immediate} row (FOR UPDATE).
 *   <li>{@code __pgt_imm_after_<id>_<source oid>()}: AFTER the statement it appends the transition
 *       tables to the source's change buffer (an UPDATE consolidated, so rows whose referenced columns
 *       did not change cancel out; a TRUNCATE sets {@code pgtrickle.imm_recompute_<id>}), decrements
 *       the depth and, at depth 0, runs the maintenance. A statement nested in another one on a source
 *       of the same stream table (FK cascades, user triggers, data-modifying CTEs) only buffers: the
 *       outermost statement maintains once, with every source's changes, so the delta rules see each
 *       source's old state exactly (current − Δ) whatever order the triggers fired in.
 *   <li>{@code __pgt_imm_maintain_<id>()}: does nothing but empty the buffers when the definition view
 *       is gone (a source dropped with CASCADE: writes to the other sources go on, REFRESH reports
 *       55000); else updates the stream table's {@code pgt_immediate} row (the
 *       lock that serializes maintainers until commit; 40001 for a REPEATABLE READ writer whose
 *       snapshot misses another maintainer), then — unless the table is unpopulated — applies the
 *       delta ({@link ApplySql}) with the guard bypass on, recomputing when the delta did not fit or a
 *       source was truncated; finally it empties the buffers ({@link ChangeBuffers#empty}). It runs
 *       with {@code jit = off}: the
 *       cached generic plan's cost estimates (buffers of unknown size) would otherwise make PostgreSQL
 *       JIT-compile the apply statement on every call, seconds for a few rows.
 * </ul>
 */
final class TriggerProgram {

  private final long pgtId;
  private final ImmediatePlan plan;
  private final String applySql;
  private final String recomputeSql;
  private final String displayName;
  private final long definitionViewOid;
  private final String searchPath;

  TriggerProgram(long pgtId, ImmediatePlan plan, String applySql, String recomputeSql,
      String displayName, long definitionViewOid, String searchPath) {
    this.pgtId = pgtId;
    this.searchPath = searchPath;
    this.definitionViewOid = definitionViewOid;
    this.plan = plan;
    this.applySql = applySql;
    this.recomputeSql = recomputeSql;
    this.displayName = displayName;
  }

  static String beforeFunction(long pgtId) {
    return "__pgt_imm_before_" + pgtId;
  }

  static String afterFunction(long pgtId, long sourceOid) {
    return "__pgt_imm_after_" + pgtId + "_" + sourceOid;
  }

  static String maintainFunction(long pgtId) {
    return "__pgt_imm_maintain_" + pgtId;
  }

  /** A regular expression matching the names of every function of the stream table. */
  static String functionNamePattern(long pgtId) {
    return "^__pgt_imm_(before|maintain)_" + pgtId + "$|^__pgt_imm_after_" + pgtId + "_[0-9]+$";
  }

  private String depthSetting() {
    return Sql.literal("pgtrickle.imm_depth_" + pgtId);
  }

  private String recomputeSetting() {
    return Sql.literal("pgtrickle.imm_recompute_" + pgtId);
  }

  /**
   * Every CREATE FUNCTION, REVOKE and COMMENT statement, maintenance function first. The functions are
   * {@code SECURITY DEFINER}: they run as the role that set IMMEDIATE mode up (the stream table's
   * maintainer), so a role that may write a source needs no privilege on the stream table, the other
   * sources, the session buffers or {@code pgt_immediate}, and cannot tamper with any of them. Their
   * {@code search_path} is pinned to the set-up's schemas with {@code pg_temp} last (every relation
   * they name is schema-qualified; the path only resolves functions, operators and types of the query
   * as at set-up), and nobody but their owner may call them directly.
   */
  List<String> statements() {
    List<String> result = new ArrayList<>();
    addFunction(result, maintainFunction(pgtId), "void", " SET jit = off", maintainBody(),
        "IMMEDIATE maintenance of stream table " + displayName);
    addFunction(result, beforeFunction(pgtId), "trigger", "", beforeBody(),
        "IMMEDIATE mode of stream table " + displayName + ": counts the source statements in progress");
    for (ImmediatePlan.Source source : plan.sources()) {
      addFunction(result, afterFunction(pgtId, source.oid()), "trigger", "", afterBody(source),
          "IMMEDIATE mode of stream table " + displayName + ": buffers the changes of " + source.schema()
              + "." + source.name());
    }
    return result;
  }

  private void addFunction(List<String> result, String name, String returns, String settings,
      String body, String comment) {
    String tag = "$pgt$";
    int n = 0;
    while (body.contains(tag)) {
      tag = "$pgt" + (++n) + "$";
    }
    String function = Sql.catalog(name) + "()";
    result.add("CREATE OR REPLACE FUNCTION " + function + " RETURNS " + returns
        + " LANGUAGE plpgsql SECURITY DEFINER SET search_path = " + searchPath + settings
        + " AS " + tag + "\n#variable_conflict use_column\n" + body + "\n" + tag);
    result.add("REVOKE ALL ON FUNCTION " + function + " FROM PUBLIC");
    result.add("COMMENT ON FUNCTION " + function + " IS " + Sql.literal(comment));
  }

  /**
   * The outermost statement locks the stream table's {@code pgt_immediate} row before it changes any
   * source row: a writer then never holds source row locks while it waits for the maintenance lock,
   * which avoids most deadlocks between multi-statement writers.
   */
  private String beforeBody() {
    return "DECLARE\n  depth integer := COALESCE(NULLIF(pg_catalog.current_setting(" + depthSetting()
        + ", true), ''), '0')::integer;\nBEGIN\n"
        + "  IF depth <= 0 THEN\n"
        + "    PERFORM 1 FROM " + Sql.catalog("pgt_immediate") + " AS i WHERE i.\"pgt_id\" = " + pgtId
        + " FOR UPDATE;\n"
        + "    depth := 0;\n"
        + "  END IF;\n"
        + "  PERFORM pg_catalog.set_config(" + depthSetting() + ", (depth + 1)::text, true);\n"
        + "  RETURN NULL;\n"
        + "END";
  }

  private String afterBody(ImmediatePlan.Source source) {
    StringBuilder b = new StringBuilder("DECLARE\n  depth integer;\nBEGIN\n");
    for (ImmediatePlan.Source s : plan.sources()) {
      b.append("  ").append(ChangeBuffers.ensure(pgtId, s)).append('\n');
    }
    String buffer = ChangeBuffers.qualified(pgtId, source);
    String insert = "INSERT INTO " + buffer + " (" + ChangeBuffers.columnList(source) + ") ";
    b.append("  IF TG_OP = 'INSERT' THEN\n    ").append(insert)
        .append(select(source, "\"__pgt_new\"", "1")).append(";\n")
        .append("  ELSIF TG_OP = 'UPDATE' THEN\n    ").append(insert)
        .append(consolidatedUpdate(source)).append(";\n")
        .append("  ELSIF TG_OP = 'DELETE' THEN\n    ").append(insert)
        .append(select(source, "\"__pgt_old\"", "-1")).append(";\n")
        .append("  ELSE\n    PERFORM pg_catalog.set_config(").append(recomputeSetting())
        .append(", 'on', true);\n  END IF;\n")
        .append("  depth := COALESCE(NULLIF(pg_catalog.current_setting(").append(depthSetting())
        .append(", true), ''), '1')::integer - 1;\n")
        .append("  PERFORM pg_catalog.set_config(").append(depthSetting()).append(", depth::text, true);\n")
        .append("  IF depth <= 0 THEN\n    PERFORM ").append(Sql.catalog(maintainFunction(pgtId)))
        .append("();\n  END IF;\n  RETURN NULL;\nEND");
    return b.toString();
  }

  private static String select(ImmediatePlan.Source source, String table, String weight) {
    StringJoiner cols = new StringJoiner(", ");
    for (String c : source.columns()) {
      cols.add("t." + Sql.ident(c));
    }
    cols.add(weight);
    return "SELECT " + cols + " FROM " + table + " AS t";
  }

  /** Old images −1 and new images +1, consolidated by the text form of every buffered column. */
  private static String consolidatedUpdate(ImmediatePlan.Source source) {
    StringJoiner select = new StringJoiner(", ");
    StringJoiner group = new StringJoiner(", ");
    for (String c : source.columns()) {
      String ref = "u." + Sql.ident(c);
      select.add("(pg_catalog.array_agg(" + ref + "))[1]");
      group.add("(" + ref + ")::pg_catalog.text");
    }
    String w = Sql.ident(ChangeBuffers.WEIGHT);
    select.add("pg_catalog.sum(u." + w + ")::integer");
    return "SELECT " + select + " FROM (" + select(source, "\"__pgt_old\"", "-1 AS " + w)
        + " UNION ALL " + select(source, "\"__pgt_new\"", "1") + ") AS u"
        + (group.length() == 0 ? "" : " GROUP BY " + group)
        + " HAVING pg_catalog.sum(u." + w + ") <> 0";
  }

  private String maintainBody() {
    String bypass = Sql.literal(Maintenance.SETTING);
    StringBuilder b = new StringBuilder("DECLARE\n  populated boolean;\n  fits boolean;\n"
        + "  guard text := pg_catalog.current_setting(" + bypass + ", true);\nBEGIN\n");
    b.append("  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.\"oid\" = ")
        .append(definitionViewOid).append("::oid) THEN\n");
    for (ImmediatePlan.Source s : plan.sources()) {
      b.append("    DELETE FROM ").append(ChangeBuffers.qualified(pgtId, s)).append(";\n");
    }
    b.append("    RETURN;\n  END IF;\n");
    b.append("  UPDATE ").append(Sql.catalog("pgt_immediate")).append(" AS i SET \"last_xid\" = ")
        .append("pg_catalog.pg_current_xact_id(), \"last_maintained_at\" = pg_catalog.now(),")
        .append(" \"maintenance_count\" = i.\"maintenance_count\" + 1 WHERE i.\"pgt_id\" = ").append(pgtId)
        .append("\n    RETURNING (SELECT s.\"is_populated\" FROM ").append(Sql.catalog("pgt_stream_tables"))
        .append(" AS s WHERE s.\"pgt_id\" = ").append(pgtId).append(") INTO populated;\n");
    b.append("  IF populated THEN\n")
        .append("    PERFORM pg_catalog.set_config(").append(bypass).append(", 'on', true);\n")
        .append("    IF pg_catalog.current_setting(").append(recomputeSetting()).append(", true) = 'on' THEN\n")
        .append(indent(recomputeSql, 6)).append('\n')
        .append("    ELSE\n      ").append(applySql).append("\n      INTO fits;\n")
        .append("      IF NOT fits THEN\n")
        .append("        RAISE WARNING 'pgtrickle: the delta of stream table % did not fit its stored rows;"
            + " recomputed', ").append(Sql.literal(displayName)).append(";\n")
        .append("        UPDATE ").append(Sql.catalog("pgt_immediate"))
        .append(" AS i SET \"misfit_count\" = i.\"misfit_count\" + 1 WHERE i.\"pgt_id\" = ")
        .append(pgtId).append(";\n")
        .append(indent(recomputeSql, 8)).append('\n')
        .append("      END IF;\n    END IF;\n")
        .append("    PERFORM pg_catalog.set_config(").append(bypass).append(", COALESCE(guard, ''), true);\n")
        .append("  END IF;\n")
        .append("  PERFORM pg_catalog.set_config(").append(recomputeSetting()).append(", 'off', true);\n");
    for (ImmediatePlan.Source s : plan.sources()) {
      b.append("  ").append(ChangeBuffers.empty(pgtId, s)).append('\n');
    }
    return b.append("END").toString();
  }

  private static String indent(String statements, int spaces) {
    String pad = " ".repeat(spaces);
    return pad + statements.replace("\n", "\n" + pad);
  }
}
