package io.pgtrickle.jdbc.script;

import io.pgtrickle.jdbc.ddl.ParsedDdl;
import io.pgtrickle.jdbc.sql.SqlStatement;

/** One statement of a script and what the DDL parser made of it. */
record PlannedStatement(SqlStatement statement, ParsedDdl ddl) {

  /** The text to send to PostgreSQL when this statement passes through, terminator included. */
  String passThroughText() {
    if (ddl instanceof ParsedDdl.PlainMaterializedView plain) {
      boolean terminated = statement.terminatorEnd() > statement.end();
      return plain.statementText() + (terminated ? ";" : "");
    }
    return statement.textWithTerminator();
  }

  /** {@code BEGIN}, {@code COMMIT}, {@code SAVEPOINT} … : statements that would fight our transaction. */
  boolean isTransactionControl() {
    SqlStatement s = statement;
    return s.startsWithWord("begin")
        || s.startsWithWord("start")
        || s.startsWithWord("commit")
        || s.startsWithWord("end")
        || s.startsWithWord("rollback")
        || s.startsWithWord("abort")
        || s.startsWithWord("savepoint")
        || s.startsWithWord("release")
        || (s.startsWithWord("prepare") && s.tokens().size() > 1 && s.tokens().get(1).isWord("transaction"));
  }
}
