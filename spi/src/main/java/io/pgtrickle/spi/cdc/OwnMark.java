package io.pgtrickle.spi.cdc;

import java.util.List;
import java.util.TreeSet;

/**
 * The own-transaction mark of a frontier: transaction {@code xid} had written change rows up to command
 * {@code commandId} when a refresh inside that same transaction consumed them.
 *
 * <p>A frontier taken with {@link Frontier#CURRENT} counts the refreshing transaction's own xid as
 * visible, so by itself it would count every change row of that xid as consumed, including rows the
 * transaction writes <em>after</em> the refresh (the application changes a source, refreshes, changes
 * the source again, then commits). The mark records how far the refresh actually read: a buffer row's
 * {@code cmin} is the command that inserted it, command ids only grow within a transaction (they are
 * shared by its subtransactions), and buffer rows are never updated. So the rows of {@code xid} with
 * {@code cmin > commandId} are exactly those written after the refresh, and {@link ChangeWindow}
 * includes them in the next window once the transaction is visible. Pruning keeps every row of a marked
 * xid ({@link #prunableView}) until a later frontier without the mark has consumed them.
 *
 * @param xid the top-level transaction id ({@code xid8} as a number)
 * @param commandId the greatest {@code cmin} among that transaction's change rows the refresh read
 */
public record OwnMark(long xid, long commandId) {

  /** SQL of type {@code xid8}. */
  public String xidSql() {
    return "'" + xid + "'::xid8";
  }

  /** SQL of type {@code bigint}. */
  public String commandSql() {
    return commandId + "::bigint";
  }

  /**
   * SQL of type {@code bigint}: the command id that inserted the change row aliased {@code quotedAlias}
   * (already quoted; null for an unqualified reference).
   */
  public static String commandOf(String quotedAlias) {
    return "(" + (quotedAlias == null ? "" : quotedAlias + ".") + "cmin::text)::bigint";
  }

  /**
   * {@code frontier} as pruning must see it when it carries {@code mark} (null: unchanged): the marked xid
   * counts as still in progress, so no row of it is pruned for this consumer.
   */
  public static PgSnapshot prunableView(PgSnapshot frontier, OwnMark mark) {
    if (mark == null || !frontier.isVisible(mark.xid())) {
      return frontier;
    }
    TreeSet<Long> inProgress = new TreeSet<>(frontier.inProgress());
    inProgress.add(mark.xid());
    return new PgSnapshot(
        Math.min(frontier.xmin(), mark.xid()), frontier.xmax(), List.copyOf(inProgress));
  }
}
