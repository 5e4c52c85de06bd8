package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.refresh.option.StreamOptions;
import io.pgtrickle.refresh.sql.Sql;

/**
 * A row of {@code pgtrickle.pgt_stream_tables}, with the stream table's current name read from
 * {@code pg_class} (it may have been renamed since creation).
 */
public record StreamTableRow(
    long pgtId,
    long storageRelid,
    String schema,
    String name,
    long definitionViewRelid,
    String definitionViewName,
    StreamOptions options,
    RefreshMode effectiveMode,
    String status,
    boolean populated) {

  /** {@code "schema"."name"} of the stream table (its storage table). */
  public String storageSql() {
    return Sql.qualified(schema, name);
  }

  /** {@code "pgtrickle"."__pgt_def_<id>"}. */
  public String definitionViewSql() {
    return Sql.catalog(definitionViewName);
  }

  /** {@code schema.name} for messages. */
  public String displayName() {
    return schema + "." + name;
  }
}
