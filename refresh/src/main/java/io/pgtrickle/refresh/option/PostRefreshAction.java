package io.pgtrickle.refresh.option;

import java.util.Locale;

/** Values of {@code pgtrickle.post_refresh_action}: what runs after a refresh commits. */
public enum PostRefreshAction implements OptionValue {
  /** Nothing. */
  NONE,
  /** {@code ANALYZE} the stream table. */
  ANALYZE,
  /** {@code REINDEX} the stream table's indexes. */
  REINDEX,
  /** Reindex once the share of changed rows passes {@code reindex_drift_threshold}. */
  REINDEX_IF_DRIFT;

  @Override
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
