-- pgtrickle catalog, version 3: the scheduler. Instance heartbeats, retry backoff shared by every
-- instance, which instance ran a refresh, resume/suspend functions and the monitoring views
-- (per-stream-table statistics, health checks, dependency tree, change-buffer sizes).

CREATE TABLE "pgtrickle"."pgt_scheduler_instances" (
  "instance_id"  text        PRIMARY KEY,
  "host"         text        NOT NULL,
  "pid"          bigint      NOT NULL,
  "started_at"   timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  "heartbeat_at" timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  "stopped_at"   timestamptz,
  "refreshes"    bigint      NOT NULL DEFAULT 0,
  "failures"     bigint      NOT NULL DEFAULT 0
);
COMMENT ON TABLE "pgtrickle"."pgt_scheduler_instances" IS 'One row per scheduler instance (in an application JVM or standalone) that ever ran against this database';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."instance_id" IS 'Random id of the instance, chosen at its start';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."host" IS 'Host name of the JVM running it';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."pid" IS 'Process id of the JVM running it';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."started_at" IS 'When the instance started';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."heartbeat_at" IS 'Last sign of life (written at least every heartbeat interval, 10 s by default)';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."stopped_at" IS 'When it stopped cleanly, or was found dead by another instance; NULL while running';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."refreshes" IS 'Refreshes this instance completed';
COMMENT ON COLUMN "pgtrickle"."pgt_scheduler_instances"."failures" IS 'Refreshes this instance saw fail';

ALTER TABLE "pgtrickle"."pgt_stream_tables"
  ADD COLUMN "next_attempt_at" timestamptz;
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."next_attempt_at" IS 'After a failed scheduled refresh: no scheduler retries before this time (backoff); NULL otherwise';

ALTER TABLE "pgtrickle"."pgt_refresh_history"
  ADD COLUMN "instance_id" text;
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_history"."instance_id" IS 'The scheduler instance that ran it (initiator scheduler); NULL otherwise';

CREATE FUNCTION "pgtrickle"."set_status"(stream_table text, new_status text) RETURNS text
LANGUAGE plpgsql AS $pgt$
DECLARE
  found_id bigint;
BEGIN
  IF new_status IS NULL OR new_status NOT IN ('active', 'suspended') THEN
    RAISE EXCEPTION 'invalid status "%" (active or suspended)', new_status USING ERRCODE = '22023';
  END IF;
  UPDATE "pgtrickle"."pgt_stream_tables"
     SET "status" = new_status,
         "consecutive_failures" = CASE WHEN new_status = 'active' THEN 0 ELSE "consecutive_failures" END,
         "next_attempt_at" = NULL,
         "updated_at" = pg_catalog.now()
   WHERE "storage_relid" = pg_catalog.to_regclass(stream_table)
  RETURNING "pgt_id" INTO found_id;
  IF found_id IS NULL THEN
    RAISE EXCEPTION '"%" is not a stream table', stream_table USING ERRCODE = '42809';
  END IF;
  RETURN new_status;
END
$pgt$;
COMMENT ON FUNCTION "pgtrickle"."set_status"(text, text) IS
  'Suspends (''suspended'') or resumes (''active'') scheduled refreshes of a stream table; resuming clears the failure count and backoff';

CREATE FUNCTION "pgtrickle"."resume"(stream_table text) RETURNS text
LANGUAGE sql AS $pgt$ SELECT "pgtrickle"."set_status"(stream_table, 'active') $pgt$;
COMMENT ON FUNCTION "pgtrickle"."resume"(text) IS
  'Resumes scheduled refreshes of a suspended stream table (same as ALTER MATERIALIZED VIEW … SET (pgtrickle.status = ''active''))';

CREATE FUNCTION "pgtrickle"."suspend"(stream_table text) RETURNS text
LANGUAGE sql AS $pgt$ SELECT "pgtrickle"."set_status"(stream_table, 'suspended') $pgt$;
COMMENT ON FUNCTION "pgtrickle"."suspend"(text) IS
  'Stops scheduled refreshes of a stream table until it is resumed (REFRESH MATERIALIZED VIEW still works)';

CREATE VIEW "pgtrickle"."pgt_refresh_stats" AS
SELECT s."pgt_id",
       s."name",
       s."status",
       s."effective_mode",
       s."schedule",
       COALESCE(h."refreshes", 0) AS "refreshes",
       COALESCE(h."failures", 0) AS "failures",
       COALESCE(h."full_refreshes", 0) AS "full_refreshes",
       COALESCE(h."differential_refreshes", 0) AS "differential_refreshes",
       h."avg_duration_ms",
       l."duration_ms" AS "last_duration_ms",
       l."executed_strategy" AS "last_strategy",
       l."status" AS "last_status",
       s."last_refresh_at",
       s."staleness",
       CASE WHEN st."schedule_kind" = 'duration' THEN s."staleness" > st."schedule_interval" END AS "stale"
  FROM "pgtrickle"."pgt_status" s
  JOIN "pgtrickle"."pgt_stream_tables" st USING ("pgt_id")
  LEFT JOIN (SELECT "pgt_id",
                    count(*) FILTER (WHERE "status" = 'succeeded') AS "refreshes",
                    count(*) FILTER (WHERE "status" = 'failed') AS "failures",
                    count(*) FILTER (WHERE "executed_strategy" = 'full') AS "full_refreshes",
                    count(*) FILTER (WHERE "executed_strategy" = 'differential') AS "differential_refreshes",
                    avg("duration_ms") FILTER (WHERE "status" = 'succeeded') AS "avg_duration_ms"
               FROM "pgtrickle"."pgt_refresh_history" GROUP BY "pgt_id") h USING ("pgt_id")
  LEFT JOIN LATERAL (SELECT x."duration_ms", x."executed_strategy", x."status"
                       FROM "pgtrickle"."pgt_refresh_history" x
                      WHERE x."pgt_id" = s."pgt_id"
                      ORDER BY x."history_id" DESC LIMIT 1) l ON true;
COMMENT ON VIEW "pgtrickle"."pgt_refresh_stats" IS 'Per stream table: refresh counts, durations, last outcome and freshness';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."pgt_id" IS 'Stream table id';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."name" IS 'Current schema-qualified name';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."status" IS 'active | error | suspended';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."effective_mode" IS 'The mode that actually runs';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."schedule" IS 'Option pgtrickle.schedule';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."refreshes" IS 'Successful refreshes in the history (including the initial population)';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."failures" IS 'Failed refreshes in the history';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."full_refreshes" IS 'Refreshes that executed FULL';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."differential_refreshes" IS 'Refreshes that executed DIFFERENTIAL';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."avg_duration_ms" IS 'Mean duration of successful refreshes, milliseconds';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."last_duration_ms" IS 'Duration of the latest refresh, milliseconds';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."last_strategy" IS 'What the latest refresh executed';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."last_status" IS 'succeeded | failed: outcome of the latest refresh';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."last_refresh_at" IS 'When the last successful refresh finished';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."staleness" IS 'now() - last_refresh_at';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_stats"."stale" IS 'For a duration schedule: whether the staleness exceeds it; NULL for other schedules';

-- Change buffers: pending rows need a count per buffer table, hence a function.
CREATE FUNCTION "pgtrickle"."change_buffer_sizes"()
RETURNS TABLE ("source_relid" oid, "source_name" text, "buffer" text, "pending_rows" bigint,
               "total_bytes" bigint, "consumers" bigint)
LANGUAGE plpgsql STABLE AS $pgt$
DECLARE
  b record;
BEGIN
  FOR b IN
    SELECT c."oid" AS buffer_oid, c."relname",
           pg_catalog.substr(c."relname", 9)::oid AS src
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n."oid" = c."relnamespace"
     WHERE n."nspname" = 'pgtrickle_changes' AND c."relkind" = 'r' AND c."relname" ~ '^changes_[0-9]+$'
     ORDER BY c."relname"
  LOOP
    source_relid := b.src;
    source_name := COALESCE(pg_catalog.to_regclass(b.src::regclass::text)::text, b.src::text);
    buffer := pg_catalog.format('%I.%I', 'pgtrickle_changes', b."relname");
    EXECUTE 'SELECT count(*) FROM ' || buffer INTO pending_rows;
    total_bytes := pg_catalog.pg_total_relation_size(b.buffer_oid);
    SELECT count(*) INTO consumers FROM "pgtrickle"."pgt_dependencies" d
     WHERE d."source_relid" = b.src AND d."cdc_mode" IS NOT NULL;
    RETURN NEXT;
  END LOOP;
END
$pgt$;
COMMENT ON FUNCTION "pgtrickle"."change_buffer_sizes"() IS
  'One row per change buffer: source, rows not yet pruned, size on disk, number of consuming stream tables';

CREATE VIEW "pgtrickle"."pgt_dependency_tree" AS
WITH RECURSIVE tree AS (
  SELECT st."pgt_id" AS "root_pgt_id", st."pgt_id", 0 AS "depth",
         ARRAY[st."pgt_id"] AS "path"
    FROM "pgtrickle"."pgt_stream_tables" st
   WHERE NOT EXISTS (SELECT 1 FROM "pgtrickle"."pgt_dependencies" d WHERE d."source_pgt_id" = st."pgt_id")
  UNION ALL
  SELECT t."root_pgt_id", d."source_pgt_id", t."depth" + 1, t."path" || d."source_pgt_id"
    FROM tree t
    JOIN "pgtrickle"."pgt_dependencies" d ON d."pgt_id" = t."pgt_id"
   WHERE d."source_pgt_id" IS NOT NULL AND NOT d."source_pgt_id" = ANY (t."path")
)
SELECT r."name" AS "root",
       t."depth",
       pg_catalog.repeat('  ', t."depth") || s."name" AS "tree",
       s."name",
       t."pgt_id",
       s."status",
       s."effective_mode",
       (SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', d."source_schema", d."source_name"), ', '
                                     ORDER BY d."source_schema", d."source_name")
          FROM "pgtrickle"."pgt_dependencies" d
         WHERE d."pgt_id" = t."pgt_id" AND d."source_pgt_id" IS NULL) AS "base_sources",
       t."path"
  FROM tree t
  JOIN "pgtrickle"."pgt_status" s ON s."pgt_id" = t."pgt_id"
  JOIN "pgtrickle"."pgt_status" r ON r."pgt_id" = t."root_pgt_id";
COMMENT ON VIEW "pgtrickle"."pgt_dependency_tree" IS 'The dependency graph as trees: each stream table nobody reads is a root, its stream-table sources below it (ORDER BY root, path)';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."root" IS 'The stream table at the top of this tree (one that no stream table reads)';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."depth" IS '0 for the root, 1 for the stream tables it reads, and so on';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."tree" IS 'The name indented by depth, for display';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."name" IS 'Current schema-qualified name of this stream table';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."pgt_id" IS 'Stream table id';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."status" IS 'active | error | suspended';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."effective_mode" IS 'The mode that actually runs';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."base_sources" IS 'The sources of this stream table that are not stream tables';
COMMENT ON COLUMN "pgtrickle"."pgt_dependency_tree"."path" IS 'pgt_ids from the root down to this stream table (sort by it for a tree display)';

CREATE VIEW "pgtrickle"."pgt_health" AS
SELECT 'scheduler_running'::text AS "check_name",
       CASE WHEN n.alive > 0 THEN 'OK'
            WHEN NOT EXISTS (SELECT 1 FROM "pgtrickle"."pgt_stream_tables" WHERE "schedule" IS NOT NULL) THEN 'OK'
            ELSE 'ERROR' END AS "severity",
       n.alive || ' scheduler instance(s) with a heartbeat in the last 60 s' AS "detail"
  FROM (SELECT count(*) AS alive FROM "pgtrickle"."pgt_scheduler_instances"
         WHERE "stopped_at" IS NULL AND "heartbeat_at" > pg_catalog.now() - interval '60 seconds') n
UNION ALL
SELECT 'error_tables', CASE WHEN count(*) = 0 THEN 'OK' ELSE 'WARN' END,
       count(*) || ' stream table(s) whose last refresh failed'
           || COALESCE(': ' || pg_catalog.string_agg("name", ', ' ORDER BY "name"), '')
  FROM "pgtrickle"."pgt_status" WHERE "status" = 'error'
UNION ALL
SELECT 'suspended_tables', CASE WHEN count(*) = 0 THEN 'OK' ELSE 'ERROR' END,
       count(*) || ' suspended stream table(s)'
           || COALESCE(': ' || pg_catalog.string_agg("name", ', ' ORDER BY "name"), '')
  FROM "pgtrickle"."pgt_status" WHERE "status" = 'suspended'
UNION ALL
SELECT 'stale_tables', CASE WHEN count(*) = 0 THEN 'OK' ELSE 'WARN' END,
       count(*) || ' stream table(s) older than twice their duration schedule'
           || COALESCE(': ' || pg_catalog.string_agg(s."name", ', ' ORDER BY s."name"), '')
  FROM "pgtrickle"."pgt_status" s JOIN "pgtrickle"."pgt_stream_tables" st USING ("pgt_id")
 WHERE st."schedule_kind" = 'duration' AND st."status" <> 'suspended'
   AND (s."staleness" IS NULL OR s."staleness" > 2 * st."schedule_interval")
UNION ALL
SELECT 'buffer_growth', CASE WHEN count(*) = 0 THEN 'OK' ELSE 'WARN' END,
       count(*) || ' change buffer(s) estimated above 100000 rows'
           || COALESCE(': ' || pg_catalog.string_agg(c."relname", ', ' ORDER BY c."relname"), '')
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n."oid" = c."relnamespace"
 WHERE n."nspname" = 'pgtrickle_changes' AND c."relkind" = 'r' AND c."reltuples" > 100000;
COMMENT ON VIEW "pgtrickle"."pgt_health" IS 'Health checks, one row each: OK, WARN or ERROR with a detail';
COMMENT ON COLUMN "pgtrickle"."pgt_health"."check_name" IS 'scheduler_running | error_tables | suspended_tables | stale_tables | buffer_growth';
COMMENT ON COLUMN "pgtrickle"."pgt_health"."severity" IS 'OK | WARN | ERROR';
COMMENT ON COLUMN "pgtrickle"."pgt_health"."detail" IS 'What was found, naming the stream tables or buffers concerned';

GRANT SELECT ON "pgtrickle"."pgt_scheduler_instances" TO PUBLIC;
GRANT SELECT ON "pgtrickle"."pgt_refresh_stats" TO PUBLIC;
GRANT SELECT ON "pgtrickle"."pgt_dependency_tree" TO PUBLIC;
GRANT SELECT ON "pgtrickle"."pgt_health" TO PUBLIC;
REVOKE ALL ON FUNCTION "pgtrickle"."set_status"(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "pgtrickle"."resume"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "pgtrickle"."suspend"(text) FROM PUBLIC;
