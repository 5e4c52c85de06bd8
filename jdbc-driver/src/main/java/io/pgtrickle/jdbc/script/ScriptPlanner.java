package io.pgtrickle.jdbc.script;

import io.pgtrickle.jdbc.ddl.DdlParser;
import io.pgtrickle.jdbc.ddl.ParsedDdl;
import io.pgtrickle.jdbc.sql.SqlStatement;
import io.pgtrickle.jdbc.sql.StatementSplitter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Turns a SQL string into a {@link ScriptPlan}, or null when it holds no stream-table DDL. */
final class ScriptPlanner {

  private ScriptPlanner() {}

  /**
   * The plan for {@code sql}, or null when it certainly contains no stream-table DDL and no source
   * DDL ({@code ALTER|DROP TABLE|VIEW|SCHEMA}). Strings without the word {@code materialized},
   * {@code alter} or {@code drop} are answered without lexing.
   *
   * @throws SQLException 22023 / 0A000 for stream-table DDL that cannot be honoured
   */
  static ScriptPlan plan(String sql, boolean standardConformingStrings) throws SQLException {
    if (sql == null
        || !(MaterializedKeyword.mayAppearIn(sql) || MaterializedKeyword.mayAlterSourcesIn(sql))) {
      return null;
    }
    List<SqlStatement> statements = StatementSplitter.split(sql, standardConformingStrings);
    if (statements.stream()
        .noneMatch(s -> DdlParser.isMaterializedViewDdl(s) || DdlParser.isSourceDdl(s))) {
      return null;
    }
    List<PlannedStatement> planned = new ArrayList<>(statements.size());
    boolean any = false;
    for (SqlStatement statement : statements) {
      ParsedDdl ddl = DdlParser.isSourceDdl(statement)
          && statement.tokens().stream().allMatch(t -> t.terminated())
          ? ParsedDdl.SourceDdl.INSTANCE
          : DdlParser.parse(statement, standardConformingStrings);
      any |= !(ddl instanceof ParsedDdl.NotStreamDdl);
      planned.add(new PlannedStatement(statement, ddl));
    }
    return any ? new ScriptPlan(sql, planned) : null;
  }
}
