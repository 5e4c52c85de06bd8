-- pgtrickle catalog, version 6: the own-transaction mark of a frontier. A refresh that consumed change
-- rows its own transaction had written stores (xid, last command read) with its frontier, so changes the
-- same transaction writes after the refresh fall into the next window (io.pgtrickle.spi.cdc.OwnMark).

ALTER TABLE "pgtrickle"."pgt_stream_tables"
  ADD COLUMN "frontier_own_xid"     xid8,
  ADD COLUMN "frontier_own_command" bigint,
  ADD CONSTRAINT "pgt_stream_tables_frontier_mark_check"
    CHECK (("frontier_own_xid" IS NULL) = ("frontier_own_command" IS NULL));
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."frontier_own_xid" IS 'With frontier_own_command, the frontier''s own-transaction mark: the refresh that stored the frontier ran inside transaction frontier_own_xid and consumed its change rows up to command frontier_own_command; rows that transaction wrote later belong to the next window. NULL when the refresh consumed no change of its own transaction';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."frontier_own_command" IS 'The greatest command id (cmin) among the change rows of transaction frontier_own_xid that the refresh storing the frontier consumed; NULL with frontier_own_xid';
