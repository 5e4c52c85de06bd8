-- pgtrickle catalog, version 4: IMMEDIATE maintenance. One row per IMMEDIATE stream table; the
-- generated trigger functions update it at the start of every maintenance, which serializes the
-- maintainers of one stream table (the row lock is held until the writing transaction ends) and makes a
-- REPEATABLE READ / SERIALIZABLE writer fail with 40001 when another transaction maintained the stream
-- table after its snapshot was taken.

CREATE TABLE "pgtrickle"."pgt_immediate" (
  "pgt_id"            bigint PRIMARY KEY
    REFERENCES "pgtrickle"."pgt_stream_tables" ("pgt_id") ON DELETE CASCADE,
  "last_xid"          xid8,
  "last_maintained_at" timestamptz,
  "maintenance_count" bigint NOT NULL DEFAULT 0,
  "misfit_count"      bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE "pgtrickle"."pgt_immediate" IS 'One row per IMMEDIATE stream table: the maintenance lock row, updated by every maintenance inside the writing transaction';
COMMENT ON COLUMN "pgtrickle"."pgt_immediate"."pgt_id" IS 'The IMMEDIATE stream table';
COMMENT ON COLUMN "pgtrickle"."pgt_immediate"."last_xid" IS 'Transaction that maintained the stream table last (NULL before the first maintenance)';
COMMENT ON COLUMN "pgtrickle"."pgt_immediate"."last_maintained_at" IS 'Start time of the transaction that maintained it last';
COMMENT ON COLUMN "pgtrickle"."pgt_immediate"."maintenance_count" IS 'Maintenances since IMMEDIATE mode was set up (one per outermost source-writing statement)';
COMMENT ON COLUMN "pgtrickle"."pgt_immediate"."misfit_count" IS 'Maintenances whose delta did not fit the stored rows and that recomputed the stream table instead (expected 0; a WARNING is raised each time)';
GRANT SELECT, UPDATE ON "pgtrickle"."pgt_immediate" TO PUBLIC;
