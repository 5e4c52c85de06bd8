/**
 * One {@link io.pgtrickle.refresh.ddl.CommandHandler} per statement (create, alter, refresh, drop), the
 * definition view, dependency reading from {@code pg_depend}, the guard trigger, and the sweeping of
 * catalog rows whose objects PostgreSQL removed.
 */
package io.pgtrickle.refresh.ddl;
