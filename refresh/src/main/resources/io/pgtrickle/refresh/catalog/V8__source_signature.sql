-- pgtrickle catalog, version 8: source DDL. Each dependency stores a signature of its source (the
-- relation's current name and the name and type of every column the definition view uses or that is
-- part of the primary key), so that a rename, retype or drop made behind the driver's back is
-- detected cheaply before a refresh and the stream table is rebuilt.

CREATE FUNCTION "pgtrickle"."source_signature"(definition_view oid, source oid) RETURNS text
LANGUAGE sql STABLE AS $pgt$
SELECT pg_catalog.format('%I.%I', n."nspname", c."relname")
    || COALESCE(' (' || (
         SELECT pg_catalog.string_agg(a."attnum" || ' ' || pg_catalog.quote_ident(a."attname") || ' '
                  || pg_catalog.format_type(a."atttypid", a."atttypmod")
                  || CASE WHEN a."attnum" = ANY (pk."indkey"::int2[]) THEN ' primary key' ELSE '' END,
                  ', ' ORDER BY a."attnum")
           FROM pg_catalog.pg_attribute a
          WHERE a."attrelid" = c."oid" AND a."attnum" > 0 AND NOT a."attisdropped"
            AND (a."attnum" = ANY (pk."indkey"::int2[])
                 OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              JOIN pg_catalog.pg_rewrite r ON r."oid" = d."objid"
                             WHERE d."classid" = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                               AND r."ev_class" = definition_view
                               AND d."refclassid" = 'pg_catalog.pg_class'::pg_catalog.regclass
                               AND d."refobjid" = c."oid" AND d."refobjsubid" = a."attnum"))) || ')', '')
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n."oid" = c."relnamespace"
  LEFT JOIN pg_catalog.pg_index pk ON pk."indrelid" = c."oid" AND pk."indisprimary"
 WHERE c."oid" = source
$pgt$;
COMMENT ON FUNCTION "pgtrickle"."source_signature"(oid, oid) IS
  'Signature of a source relation as a stream table sees it: its current qualified name and, in attribute order, number, name and type of each column the definition view uses or that belongs to the primary key; NULL when the relation is gone';
GRANT EXECUTE ON FUNCTION "pgtrickle"."source_signature"(oid, oid) TO PUBLIC;

ALTER TABLE "pgtrickle"."pgt_dependencies"
  ADD COLUMN "source_signature" text;
COMMENT ON COLUMN "pgtrickle"."pgt_dependencies"."source_signature" IS
  'pgtrickle.source_signature() of the source when the stream table was created or last rebuilt; a difference means the source was renamed, retyped or altered since, and the stream table is rebuilt before its next refresh';

UPDATE "pgtrickle"."pgt_dependencies" d
   SET "source_signature" = "pgtrickle"."source_signature"(st."definition_view_relid", d."source_relid")
  FROM "pgtrickle"."pgt_stream_tables" st
 WHERE st."pgt_id" = d."pgt_id";

COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."defining_query" IS
  'The defining query as written (between AS and WITH [NO] DATA); after a source was renamed, the query as PostgreSQL renders the definition view (pg_get_viewdef)';
