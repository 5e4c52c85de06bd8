package io.pgtrickle.spi.action;

/**
 * A stream table whose refresh committed, as a {@link PostRefreshAction} sees it.
 *
 * @param pgtId the stream table's id in {@code pgtrickle.pgt_stream_tables}
 * @param qualifiedSql the stream table's schema-qualified, quoted name, ready for SQL
 * @param changedRowsSinceReindex rows inserted plus rows deleted by every refresh since the indexes
 *     were last rebuilt by a post-refresh action (or since creation)
 * @param rowCount the stream table's row count: PostgreSQL's estimate ({@code pg_class.reltuples}),
 *     counted when the table has never been analyzed
 * @param driftThreshold the option {@code pgtrickle.reindex_drift_threshold}
 */
public record RefreshedTable(
    long pgtId, String qualifiedSql, long changedRowsSinceReindex, long rowCount, double driftThreshold) {

  /** Changed rows since the last rebuild as a share of the current rows (1 when the table is empty). */
  public double drift() {
    return rowCount <= 0 ? (changedRowsSinceReindex > 0 ? 1.0 : 0.0)
        : (double) changedRowsSinceReindex / rowCount;
  }
}
