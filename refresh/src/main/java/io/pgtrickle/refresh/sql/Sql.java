package io.pgtrickle.refresh.sql;

import io.pgtrickle.refresh.api.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting for generated SQL: every identifier is double-quoted, every name qualified. */
public final class Sql {

  /** The schema that holds the catalog, the guard function and the definition views. */
  public static final String CATALOG_SCHEMA = "pgtrickle";

  private Sql() {}

  /** {@code "identifier"}, with embedded quotes doubled. */
  public static String ident(String identifier) {
    return QualifiedName.quoteIdent(identifier);
  }

  /** {@code "schema"."name"}. */
  public static String qualified(String schema, String name) {
    return ident(schema) + "." + ident(name);
  }

  /** {@code "pgtrickle"."name"}. */
  public static String catalog(String name) {
    return qualified(CATALOG_SCHEMA, name);
  }

  /** A comma-separated list of quoted identifiers. */
  public static String identList(List<String> identifiers) {
    return identifiers.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }

  /** A string literal ({@code 'text'} with embedded quotes doubled; standard_conforming_strings). */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * The name as PostgreSQL prints it in messages such as {@code relation "s.x" does not exist}: the
   * parts as written, unquoted, joined by a dot.
   */
  public static String display(QualifiedName name) {
    return name.schema() == null ? name.name() : name.schema() + "." + name.name();
  }
}
