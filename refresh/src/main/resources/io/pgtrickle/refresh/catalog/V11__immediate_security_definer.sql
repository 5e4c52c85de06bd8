-- pgtrickle catalog, version 11: IMMEDIATE maintenance runs as the stream table's maintainer. The
-- generated trigger functions become SECURITY DEFINER with a pinned search_path (pg_temp last) and
-- only their owner may call them, so a role that writes a source needs no privilege on the stream
-- table, its other sources, the session buffers or pgt_immediate, and cannot tamper with any of them.
-- Functions created from now on are made so by the engine; this converts the ones already installed
-- (the migrating role must own them, as it owns what it created), pinning them to the migrating
-- session's schemas. PUBLIC keeps SELECT on pgt_immediate, for monitoring.

DO $migrate$
DECLARE
  f pg_catalog.regprocedure;
  path text;
BEGIN
  SELECT COALESCE(pg_catalog.string_agg(pg_catalog.quote_ident(t.s), ', ' ORDER BY t.o) || ', ', '')
         || 'pg_temp'
    INTO path
    FROM pg_catalog.unnest(pg_catalog.current_schemas(false)) WITH ORDINALITY AS t(s, o)
   WHERE NOT pg_catalog.starts_with(t.s, 'pg_temp_') AND NOT pg_catalog.starts_with(t.s, 'pg_toast_temp_');
  FOR f IN
    SELECT p."oid"::pg_catalog.regprocedure FROM pg_catalog.pg_proc p
     WHERE p."pronamespace" = 'pgtrickle'::pg_catalog.regnamespace
       AND p."proname" ~ '^__pgt_imm_(before|maintain|after)_' AND NOT p."prosecdef"
  LOOP
    EXECUTE pg_catalog.format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = %s', f, path);
    EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END
$migrate$;

REVOKE UPDATE ON "pgtrickle"."pgt_immediate" FROM PUBLIC;
