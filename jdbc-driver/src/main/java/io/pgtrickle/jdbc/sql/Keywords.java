package io.pgtrickle.jdbc.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The words {@link SqlLexer} labels {@link TokenKind#KEYWORD}: PostgreSQL's reserved key words plus the
 * non-reserved ones that the stream-table grammar reads. The label is informational; the DDL parser
 * accepts a non-reserved key word wherever PostgreSQL accepts a name.
 */
public final class Keywords {

  private static final Set<String> WORDS =
      Set.of(
          // reserved in PostgreSQL (including "reserved, can be function or type")
          "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
          "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
          "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
          "current_schema", "current_time", "current_timestamp", "current_user", "default",
          "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
          "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially",
          "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
          "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on",
          "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning",
          "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
          "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using",
          "variadic", "verbose", "when", "where", "window", "with",
          // non-reserved words read by the stream-table grammar and script handling
          "abort", "access", "alter", "begin", "cascade", "cluster", "commit", "data", "depends",
          "drop", "exists", "extension", "if", "materialized", "method", "no", "owner", "prepare",
          "refresh", "release", "rename", "reset", "restrict", "rollback", "savepoint", "schema",
          "set", "start", "tablespace", "transaction", "uescape", "view", "without");

  private Keywords() {}

  /** Whether {@code word} (any case) is a key word. */
  public static boolean isKeyword(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}
