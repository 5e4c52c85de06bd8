/**
 * Change data capture SPI: how a source table's changes reach the refresh engine.
 *
 * <p>A {@link io.pgtrickle.spi.cdc.CdcBackend} (trigger-based now, WAL-based later) fills one change
 * buffer per source table in the layout fixed by {@link io.pgtrickle.spi.cdc.ChangeBufferLayout}. The
 * refresh engine reads "the changes between two frontiers" with {@link io.pgtrickle.spi.cdc.ChangeWindow},
 * where a frontier is a PostgreSQL {@code pg_snapshot} ({@link io.pgtrickle.spi.cdc.PgSnapshot}) taken with
 * {@link io.pgtrickle.spi.cdc.Frontier}. Backends keep no state in the JVM: everything they know lives in
 * PostgreSQL, and the engine (which owns the catalog of consumers) calls them.
 *
 * <p>This package depends on the JDK only.
 */
package io.pgtrickle.spi.cdc;
