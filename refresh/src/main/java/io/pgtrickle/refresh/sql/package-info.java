/**
 * SQL plumbing shared by the engine: {@link io.pgtrickle.refresh.sql.TransactionScope} (statement
 * atomicity in the caller's transaction), {@link io.pgtrickle.refresh.sql.SqlStates} (PostgreSQL-style
 * errors and notices), {@link io.pgtrickle.refresh.sql.Sql} (quoting) and
 * {@link io.pgtrickle.refresh.sql.Maintenance} (the guard bypass).
 */
package io.pgtrickle.refresh.sql;
