/**
 * What the analysis knows about the database, as plain values ({@link io.pgtrickle.dvm.catalog.PgRelation},
 * {@link io.pgtrickle.dvm.catalog.PgColumn}, {@link io.pgtrickle.dvm.catalog.PgType},
 * {@link io.pgtrickle.dvm.catalog.PgFunction}), read through {@link io.pgtrickle.dvm.catalog.CatalogReader}.
 * {@code dvm} never opens a connection: the engine passes a reader (normally
 * {@link io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader} over its own connection); tests use
 * {@link io.pgtrickle.dvm.catalog.InMemoryCatalog}.
 */
package io.pgtrickle.dvm.catalog;
