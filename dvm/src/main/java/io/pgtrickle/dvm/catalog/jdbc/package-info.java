/**
 * The JDBC implementation of {@link io.pgtrickle.dvm.catalog.CatalogReader}: {@code pg_catalog}
 * queries over a connection it is given. The only code in {@code dvm} that talks to a server.
 */
package io.pgtrickle.dvm.catalog.jdbc;
