/**
 * The catalog schema {@code pgtrickle}: {@link io.pgtrickle.refresh.catalog.CatalogMigrator} (numbered
 * migrations {@code V<n>__<description>.sql} beside it, under an advisory lock),
 * {@link io.pgtrickle.refresh.catalog.CatalogState} (per-database "catalog is current" cache),
 * {@link io.pgtrickle.refresh.catalog.StreamTableCatalog} (stream tables and dependencies),
 * {@link io.pgtrickle.refresh.catalog.HistoryRecorder} (refresh history) and
 * {@link io.pgtrickle.refresh.catalog.RelationResolver} (pg_class look-ups).
 */
package io.pgtrickle.refresh.catalog;
