package io.pgtrickle.refresh.api;

/** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]} on a stream table. */
public record RefreshStreamTable(
    QualifiedName name, boolean concurrently, boolean withData, String originalSql)
    implements StreamTableCommand {}
