package io.pgtrickle.spi.cdc;

import java.util.Optional;

/**
 * Size and age of one change buffer, for monitoring and for the AUTO cost model.
 *
 * @param sourceOid the source table's OID
 * @param rows exact number of rows currently in the buffer (markers included), as this transaction
 *     sees them
 * @param totalBytes {@code pg_total_relation_size} of the buffer (heap, indexes, TOAST)
 * @param oldestXid the smallest {@code __pgt_xid} present, empty when the buffer is empty
 * @param newestXid the largest {@code __pgt_xid} present, empty when the buffer is empty
 */
public record BufferStats(
    long sourceOid, long rows, long totalBytes, Optional<Long> oldestXid, Optional<Long> newestXid) {}
