package io.pgtrickle.refresh.api;

import java.util.Objects;

/**
 * A relation name as PostgreSQL sees it after case folding: unquoted identifiers are lower-cased by the
 * parser that builds this, quoted ones are kept exactly. {@code schema} is null when the name was not
 * qualified (then PostgreSQL's {@code search_path} decides).
 */
public record QualifiedName(String schema, String name) {

  public QualifiedName {
    Objects.requireNonNull(name, "name");
  }

  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  public static QualifiedName unqualified(String name) {
    return new QualifiedName(null, name);
  }

  /** The name as SQL text with every part double-quoted, e.g. {@code "public"."orders"}. */
  public String toSql() {
    return schema == null ? quoteIdent(name) : quoteIdent(schema) + "." + quoteIdent(name);
  }

  /** Quotes one identifier the way PostgreSQL's {@code quote_ident} would, but always. */
  public static String quoteIdent(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return toSql();
  }
}
