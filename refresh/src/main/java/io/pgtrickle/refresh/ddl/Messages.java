package io.pgtrickle.refresh.ddl;

import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.SQLException;
import java.sql.SQLWarning;

/** Errors and notices worded like PostgreSQL's own for the equivalent materialized-view statement. */
final class Messages {

  private Messages() {}

  static SQLException relationDoesNotExist(QualifiedName name) {
    return SqlStates.error(
        SqlStates.UNDEFINED_TABLE, "relation \"" + Sql.display(name) + "\" does not exist");
  }

  static SQLWarning relationDoesNotExistSkipping(QualifiedName name) {
    return SqlStates.notice(
        SqlStates.SUCCESSFUL_COMPLETION,
        "relation \"" + Sql.display(name) + "\" does not exist, skipping");
  }

  static SQLException materializedViewDoesNotExist(QualifiedName name) {
    return SqlStates.error(
        SqlStates.UNDEFINED_TABLE,
        "materialized view \"" + Sql.display(name) + "\" does not exist");
  }

  static SQLWarning materializedViewDoesNotExistSkipping(QualifiedName name) {
    return SqlStates.notice(
        SqlStates.SUCCESSFUL_COMPLETION,
        "materialized view \"" + Sql.display(name) + "\" does not exist, skipping");
  }

  static SQLException alreadyExists(String name) {
    return SqlStates.error(SqlStates.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
  }

  static SQLWarning alreadyExistsSkipping(String name) {
    return SqlStates.notice(
        SqlStates.DUPLICATE_TABLE, "relation \"" + name + "\" already exists, skipping");
  }

  static SQLException notAStreamTable(String name) {
    return SqlStates.error(
        SqlStates.WRONG_OBJECT_TYPE,
        "\"" + name + "\" is not a stream table",
        null,
        "pgtrickle.* options apply only to materialized views created WITH (pgtrickle.stream = true).");
  }

  /** What PostgreSQL calls a relation of this relkind in dependency messages. */
  static String kind(char relkind, boolean streamTable) {
    if (streamTable) {
      return "stream table";
    }
    return switch (relkind) {
      case 'r', 'p' -> "table";
      case 'v' -> "view";
      case 'm' -> "materialized view";
      case 'f' -> "foreign table";
      default -> "relation";
    };
  }
}
