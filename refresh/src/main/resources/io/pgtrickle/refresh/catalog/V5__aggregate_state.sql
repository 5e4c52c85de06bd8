-- pgtrickle catalog, version 5: hidden aggregate state. A differential stream table whose root
-- aggregate keeps algebraic state has hidden columns (__pgt_count, __pgt_a<i>_<state>) after its user
-- columns; FULL refreshes compute them with the state query.

ALTER TABLE "pgtrickle"."pgt_stream_tables"
  ADD COLUMN "hidden_columns" text[],
  ADD COLUMN "state_query"    text;
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."hidden_columns" IS 'Hidden state columns (__pgt_…) the stream table keeps after its user columns, in order (differential mode, root aggregates with algebraic state); empty or NULL when none';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."state_query" IS 'The query computing the whole result with its hidden state columns over the live sources, read by FULL refreshes instead of the definition view; NULL when there are no hidden columns';
