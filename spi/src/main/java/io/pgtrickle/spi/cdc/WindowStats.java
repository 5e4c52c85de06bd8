package io.pgtrickle.spi.cdc;

/**
 * What one {@link ChangeWindow} holds for one source: the delta size that decides between a
 * differential and a full refresh.
 *
 * @param inserted rows with weight +1 (new images of UPDATEs included)
 * @param deleted rows with weight -1 (old images of UPDATEs included)
 * @param truncated whether a TRUNCATE happened within the window; then the deltas are incomplete and the
 *     consumer needs a FULL refresh
 */
public record WindowStats(long inserted, long deleted, boolean truncated) {

  /** {@code inserted + deleted}. */
  public long changes() {
    return inserted + deleted;
  }
}
