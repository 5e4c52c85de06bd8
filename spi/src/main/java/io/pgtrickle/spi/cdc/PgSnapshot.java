package io.pgtrickle.spi.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL {@code pg_snapshot} value in its text form {@code xmin:xmax:xip1,xip2,…}: the frontier
 * of a stream table. Parsed and validated here, so that {@link #toSqlLiteral()} can be spliced into SQL
 * without any risk of injection.
 *
 * <p>Semantics mirror the server's {@code pg_visible_in_snapshot}: an xid is visible when it is below
 * {@code xmin}, or below {@code xmax} and not listed in {@code xip}.
 *
 * @param xmin the lowest transaction id still running when the snapshot was taken
 * @param xmax one past the highest completed transaction id
 * @param inProgress the running transaction ids in {@code [xmin, xmax)}, ascending, without duplicates
 */
public record PgSnapshot(long xmin, long xmax, List<Long> inProgress) {

  public PgSnapshot {
    Objects.requireNonNull(inProgress, "inProgress");
    inProgress = List.copyOf(inProgress);
    if (xmin <= 0 || xmax < xmin) {
      throw new IllegalArgumentException("invalid snapshot bounds " + xmin + ":" + xmax);
    }
    long previous = -1;
    for (long xid : inProgress) {
      if (xid < xmin || xid >= xmax || xid <= previous) {
        throw new IllegalArgumentException(
            "in-progress xids must be ascending, distinct and in [xmin, xmax): " + inProgress);
      }
      previous = xid;
    }
  }

  /** Parses the text form PostgreSQL prints, e.g. {@code 748:752:748,750}. */
  public static PgSnapshot parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.trim().split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a pg_snapshot: '" + text + "'");
    }
    try {
      long xmin = Long.parseLong(parts[0]);
      long xmax = Long.parseLong(parts[1]);
      List<Long> xip = new ArrayList<>();
      if (!parts[2].isEmpty()) {
        for (String xid : parts[2].split(",", -1)) {
          xip.add(Long.parseLong(xid));
        }
      }
      return new PgSnapshot(xmin, xmax, xip);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a pg_snapshot: '" + text + "'", e);
    }
  }

  /** Whether transactions with this top-level id count as committed-or-aborted in this snapshot. */
  public boolean isVisible(long xid) {
    if (xid < xmin) {
      return true;
    }
    return xid < xmax && java.util.Collections.binarySearch(inProgress, xid) < 0;
  }

  /** The text form, {@code xmin:xmax:xip,…}. */
  public String text() {
    StringBuilder sb = new StringBuilder().append(xmin).append(':').append(xmax).append(':');
    for (int i = 0; i < inProgress.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(inProgress.get(i));
    }
    return sb.toString();
  }

  /** A SQL literal of type {@code pg_snapshot}, e.g. {@code '748:752:748,750'::pg_snapshot}. */
  public String toSqlLiteral() {
    return "'" + text() + "'::pg_snapshot";
  }

  @Override
  public String toString() {
    return text();
  }
}
