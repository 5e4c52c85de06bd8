package io.pgtrickle.refresh.full;

/**
 * Rows a refresh wrote.
 *
 * @param rowsDeleted null when unknown (TRUNCATE)
 */
public record RefreshCounts(long rowsInserted, Long rowsDeleted) {}
