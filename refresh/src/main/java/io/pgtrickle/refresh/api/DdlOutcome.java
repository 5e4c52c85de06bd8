package io.pgtrickle.refresh.api;

import java.sql.SQLWarning;
import java.util.List;

/**
 * What a stream-table statement reports back through JDBC: the update count the statement returns
 * (what PostgreSQL itself would report for the equivalent materialized-view statement) and warnings
 * to chain onto {@code Statement.getWarnings()}.
 */
public record DdlOutcome(long updateCount, List<SQLWarning> warnings) {

  public DdlOutcome {
    warnings = List.copyOf(warnings);
  }

  public static DdlOutcome of(long updateCount) {
    return new DdlOutcome(updateCount, List.of());
  }
}
