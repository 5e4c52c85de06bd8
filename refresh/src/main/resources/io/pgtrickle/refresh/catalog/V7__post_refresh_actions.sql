-- pgtrickle catalog, version 7: post-refresh actions. post_refresh_action names a registered action
-- (io.pgtrickle.spi.action.PostRefreshAction, found with ServiceLoader), so the fixed CHECK of V1 gives
-- way to a name check; a refresh marks its action pending in its own transaction, and a runner (the
-- driver after the commit, or the scheduler) claims and runs it.

ALTER TABLE "pgtrickle"."pgt_stream_tables"
  DROP CONSTRAINT "pgt_stream_tables_post_refresh_action_check",
  ADD CONSTRAINT "pgt_stream_tables_post_refresh_action_check"
    CHECK ("post_refresh_action" ~ '^[a-z][a-z0-9_]*$'),
  ADD COLUMN "post_action_pending"        boolean     NOT NULL DEFAULT false,
  ADD COLUMN "rows_changed_since_reindex" bigint      NOT NULL DEFAULT 0,
  ADD COLUMN "post_action_at"             timestamptz,
  ADD COLUMN "post_action_error"          text;
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."post_refresh_action" IS 'Option pgtrickle.post_refresh_action: none, or the name of a registered post-refresh action (built-in: analyze | reindex | reindex_if_drift)';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."post_action_pending" IS 'A refresh committed and its post-refresh action has not been claimed yet (the driver runs it after the commit, the scheduler on its next tick)';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."rows_changed_since_reindex" IS 'Rows inserted plus rows deleted by refreshes since a post-refresh action last rebuilt the indexes (or since creation): the drift that reindex_if_drift compares with reindex_drift_threshold';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."post_action_at" IS 'When the post-refresh action last finished (successfully or not); NULL if it never ran';
COMMENT ON COLUMN "pgtrickle"."pgt_stream_tables"."post_action_error" IS 'The error of the last post-refresh action run (SQLSTATE and message), NULL after a success';
