package io.pgtrickle.refresh.api;

import java.util.List;

/**
 * {@code DROP MATERIALIZED VIEW [IF EXISTS] name [, …] [CASCADE | RESTRICT]} where at least one name is
 * a stream table. Names that are not stream tables are dropped by the engine with PostgreSQL's own
 * {@code DROP MATERIALIZED VIEW}, in the same transaction, so a mixed list behaves as one statement.
 */
public record DropStreamTables(
    List<QualifiedName> names, boolean ifExists, boolean cascade, String originalSql)
    implements StreamTableCommand {

  public DropStreamTables {
    names = List.copyOf(names);
  }
}
