-- pgtrickle catalog, version 9: what the AUTO cost model predicts from. A refresh of a stream table with
-- refresh_mode = auto records how many change rows of its sources its window held. delta_rows counts
-- the rows of the consolidated result delta, which for an aggregate can be thousands of times fewer
-- than the changes read, so it is no measure of a refresh's work.

ALTER TABLE "pgtrickle"."pgt_refresh_history" ADD COLUMN "source_changes" bigint;
COMMENT ON COLUMN "pgtrickle"."pgt_refresh_history"."source_changes" IS
  'Change rows of the sources in the window (refresh_mode auto, which counts them to choose FULL or differential); NULL otherwise';
