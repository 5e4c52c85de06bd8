/**
 * The stream-table engine behind {@code jdbc:pgtrickle:}: {@link io.pgtrickle.refresh.PgTrickleEngine}
 * implements {@link io.pgtrickle.refresh.api.StreamTableEngine} (registered for
 * {@link java.util.ServiceLoader}) and executes the intercepted {@code CREATE / ALTER / REFRESH / DROP
 * MATERIALIZED VIEW} statements of stream tables.
 *
 * <p>A stream table is an ordinary table holding its query's result, plus:
 *
 * <ul>
 *   <li>a definition view {@code pgtrickle."__pgt_def_<id>"} — the defining query as a PostgreSQL view,
 *       so PostgreSQL validates it, pins its sources by OID and protects them in {@code pg_depend};
 *   <li>a guard trigger refusing direct INSERT/UPDATE/DELETE/TRUNCATE (SQLSTATE 42809);
 *   <li>rows in the catalog schema {@code pgtrickle} ({@code pgt_stream_tables},
 *       {@code pgt_dependencies}, {@code pgt_refresh_history}, view {@code pgt_status}), created and
 *       upgraded on first use by numbered migrations.
 * </ul>
 *
 * <p>In this milestone every stream table is maintained in FULL mode: a refresh recomputes the query
 * and writes only the difference to the stored rows. Sub-packages: {@code option} (the option registry
 * {@link io.pgtrickle.refresh.option.StreamOption}), {@code catalog} (migrations, catalog access,
 * history), {@code ddl} (one handler per statement), {@code full} (FULL refresh), {@code sql}
 * (transaction scope, quoting, SQLSTATEs, the guard bypass).
 */
package io.pgtrickle.refresh;
