-- pgtrickle catalog, version 2: differential maintenance. What the engine derived at CREATE/ALTER
-- (operator tree, delta query, row identity, why FULL runs instead), the columns captured per source,
-- delta sizes in history, and the explain function.

ALTER TABLE "pgtrickle"."pgt_stream_tables"
  ADD COLUMN "fallback_reason" text,
  ADD COLUMN "operator_tree"   text,
  ADD COLUMN "delta_query"     text,
  ADD COLUMN "row_key"         text[];
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."fallback_reason" IS 'Why the effective mode is full although refresh_mode is auto (the unsupported construct, volatile function or source kind); NULL otherwise';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."operator_tree" IS 'The analysed operator tree, one node per line (differential mode); NULL in FULL mode';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."delta_query" IS 'The delta query (differential mode): the net change of the result over a change window, reading the CTE __pgt_window (s0, s1) that each refresh wraps around it';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."row_key" IS 'Columns identifying a row of the result (applied with MERGE); empty = the result is a bag (applied copy by copy); NULL in FULL mode';

ALTER TABLE "pgtrickle"."pgt_dependencies"
  ADD COLUMN "captured_columns" text[];
COMMENT ON COLUMN "pgtrickle"."pgt_dependencies"."captured_columns" IS 'Source columns this stream table needs from the change buffer (differential mode); the buffer captures the union over all consumers';

ALTER TABLE "pgtrickle"."pgt_refresh_history"
  ADD COLUMN "delta_rows" bigint,
  ADD COLUMN "note"       text;
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_history"."delta_rows" IS 'Rows of the consolidated delta applied (differential refreshes)';
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_history"."note" IS 'Why a refresh of a differential stream table ran full (e.g. a TRUNCATE of a source in the window)';

CREATE OR REPLACE VIEW "pgtrickle"."pgt_status" AS
SELECT st."pgt_id",
       pg_catalog.format('%I.%I', COALESCE(n."nspname", st."storage_schema"),
                         COALESCE(c."relname", st."storage_name")) AS "name",
       COALESCE(n."nspname", st."storage_schema") AS "schema_name",
       COALESCE(c."relname", st."storage_name") AS "table_name",
       st."refresh_mode" AS "requested_mode",
       st."effective_mode",
       st."status",
       st."is_populated" AS "populated",
       st."schedule",
       st."last_refresh_at",
       pg_catalog.now() - st."last_refresh_at" AS "staleness",
       st."consecutive_failures",
       st."last_error_message" AS "last_error",
       st."last_error_at",
       CASE WHEN c."reltuples" >= 0 THEN c."reltuples"::bigint END AS "row_estimate",
       st."fallback_reason"
  FROM "pgtrickle"."pgt_stream_tables" st
  LEFT JOIN pg_catalog.pg_class c ON c."oid" = st."storage_relid"
  LEFT JOIN pg_catalog.pg_namespace n ON n."oid" = c."relnamespace";
COMMENT ON COLUMN "pgtrickle"."pgt_status"."fallback_reason" IS 'Why FULL runs although refresh_mode is auto; NULL otherwise';

CREATE FUNCTION "pgtrickle"."explain"(stream_table text) RETURNS text
LANGUAGE sql STABLE AS $pgt$
SELECT 'stream table: ' || pg_catalog.format('%I.%I', COALESCE(n."nspname", st."storage_schema"),
           COALESCE(c."relname", st."storage_name"))
    || E'\nrequested mode: ' || st."refresh_mode"
    || E'\neffective mode: ' || st."effective_mode"
    || COALESCE(E'\nfull because: ' || st."fallback_reason", '')
    || COALESCE(E'\nfrontier: ' || st."frontier"::text, '')
    || CASE WHEN st."row_key" IS NULL THEN ''
            WHEN pg_catalog.cardinality(st."row_key") = 0 THEN E'\nrow identity: none (bag; copies applied by count)'
            ELSE E'\nrow identity: ' || pg_catalog.array_to_string(st."row_key", ', ') END
    || COALESCE(E'\nsources: ' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', d."source_schema", d."source_name")
              || COALESCE(' (' || d."cdc_mode" || ': ' || pg_catalog.array_to_string(d."captured_columns", ', ') || ')', ''),
              ', ' ORDER BY d."source_schema", d."source_name")
         FROM "pgtrickle"."pgt_dependencies" d WHERE d."pgt_id" = st."pgt_id"), '')
    || COALESCE(E'\n\noperator tree:\n' || st."operator_tree", '')
    || COALESCE(E'\n\ndelta query:\nWITH "__pgt_window" AS (SELECT <frontier>::pg_snapshot AS s0, <current snapshot> AS s1)\nSELECT * FROM (\n'
         || st."delta_query" || E'\n) d', '')
  FROM "pgtrickle"."pgt_stream_tables" st
  LEFT JOIN pg_catalog.pg_class c ON c."oid" = st."storage_relid"
  LEFT JOIN pg_catalog.pg_namespace n ON n."oid" = c."relnamespace"
 WHERE st."storage_relid" = pg_catalog.to_regclass(stream_table)
$pgt$;
COMMENT ON FUNCTION "pgtrickle"."explain"(text) IS
  'How a stream table is maintained: modes, why FULL if it is, sources and captured columns, operator tree and delta query';
GRANT EXECUTE ON FUNCTION "pgtrickle"."explain"(text) TO PUBLIC;
