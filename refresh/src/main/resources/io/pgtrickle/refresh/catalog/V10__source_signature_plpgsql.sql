-- pgtrickle catalog, version 10: source_signature in PL/pgSQL. Every refresh compares its sources'
-- signatures; as a SQL function (not inlinable: it has a FROM clause) its query over pg_attribute,
-- pg_depend and pg_rewrite was planned again on every call, about 1 ms per source and refresh. PL/pgSQL
-- keeps the plan for the session. Same arguments, result, comment and grant.

CREATE OR REPLACE FUNCTION "pgtrickle"."source_signature"(definition_view oid, source oid) RETURNS text
LANGUAGE plpgsql STABLE AS $pgt$
BEGIN
  RETURN (
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
  );
END
$pgt$;
