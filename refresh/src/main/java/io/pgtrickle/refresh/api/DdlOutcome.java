package io.pgtrickle.refresh.api;

import java.sql.SQLWarning;
import java.util.List;

/**
 * What a stream-table statement reports back through JDBC: the update count the statement returns
 * (what PostgreSQL itself would report for the equivalent materialized-view statement), warnings
 * to chain onto {@code Statement.getWarnings()}, and the stream tables (storage relids) whose
 * post-refresh action is pending once the caller's transaction commits
 * ({@link io.pgtrickle.refresh.action.PendingActions#runPending}).
 */
public record DdlOutcome(long updateCount, List<SQLWarning> warnings, List<Long> pendingActions) {

  public DdlOutcome {
    warnings = List.copyOf(warnings);
    pendingActions = List.copyOf(pendingActions);
  }

  /** No pending post-refresh action. */
  public DdlOutcome(long updateCount, List<SQLWarning> warnings) {
    this(updateCount, warnings, List.of());
  }

  public static DdlOutcome of(long updateCount) {
    return new DdlOutcome(updateCount, List.of());
  }
}
