/**
 * The {@code jdbc:pgtrickle:} JDBC driver: PgJDBC underneath, with stream-table DDL routed to the
 * pgtrickle engine ({@link io.pgtrickle.refresh.api.StreamTableEngine}, found by ServiceLoader).
 *
 * <ul>
 *   <li>{@link io.pgtrickle.jdbc.PgTrickleDriver} rewrites {@code jdbc:pgtrickle:} to
 *       {@code jdbc:postgresql:}, takes out pgtrickle's own {@code pgtrickle.*} properties
 *       ({@link io.pgtrickle.jdbc.DriverProperty}) and wraps PgJDBC's connection.
 *   <li>{@link io.pgtrickle.jdbc.TrickleConnection}, {@link io.pgtrickle.jdbc.TrickleStatement},
 *       {@link io.pgtrickle.jdbc.TricklePreparedStatement},
 *       {@link io.pgtrickle.jdbc.TrickleCallableStatement}, {@link
 *       io.pgtrickle.jdbc.TrickleDatabaseMetaData} and {@link io.pgtrickle.jdbc.TrickleResultSet} are
 *       hand-written delegates over the pure forwarding classes of {@code io.pgtrickle.jdbc.wrapper}.
 *   <li>{@code io.pgtrickle.jdbc.sql} lexes and splits SQL; {@code io.pgtrickle.jdbc.ddl} recognises
 *       the stream-table grammar; {@code io.pgtrickle.jdbc.script} decides routing and runs strings
 *       and batches that mix ordinary SQL with stream-table DDL.
 * </ul>
 *
 * <p>Strings without the word {@code materialized} go to PgJDBC untouched without being lexed.
 */
package io.pgtrickle.jdbc;
