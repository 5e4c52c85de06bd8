package io.pgtrickle.spi.cdc;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The change window: the change-buffer rows a refresh consumes, "the changes visible in S₁ and not in
 * S₀", rendered as SQL. One definition for every backend (ARCHITECTURE §5).
 *
 * <h2>Definition</h2>
 *
 * A consumer (stream table) stores a frontier S₀, a {@code pg_snapshot}. A refresh runs at REPEATABLE
 * READ and takes S₁ with {@link Frontier#CURRENT} (its transaction snapshot, own xid counted as
 * visible). It consumes exactly the buffer rows r with
 *
 * <pre>
 *   pg_visible_in_snapshot(r.__pgt_xid, S₁) AND NOT pg_visible_in_snapshot(r.__pgt_xid, S₀)
 * </pre>
 *
 * plus two index-friendly bounds that follow from it: {@code r.__pgt_xid >= pg_snapshot_xmin(S₀)} (every
 * xid below xmin(S₀) was finished when S₀ was taken, so it is visible in S₀) and
 * {@code r.__pgt_xid < pg_snapshot_xmax(S₁)} (nothing at or above xmax(S₁) is visible in S₁). Both
 * bounds are constants for the planner, so the window is a range scan of the {@code __pgt_xid} index.
 *
 * <h2>Why this is exact</h2>
 *
 * <ul>
 *   <li><b>Every row carries its writer's top-level xid</b> ({@code pg_current_xact_id()} is the
 *       top-level xid even inside a subtransaction), and snapshots list top-level xids only. So "the row
 *       was written by a transaction visible in S" and "the row's xid is visible in S" are the same
 *       statement, and the refresh's REPEATABLE READ snapshot, which reads the live sources, sees exactly
 *       the buffer rows whose xid is visible in S₁ (plus its own, see {@link Frontier}).
 *   <li><b>Consequently the pre-change state is reconstructible</b>: with the live sources read in S₁,
 *       {@code state(S₀) = state(S₁) − inserted + deleted} over the window, as multisets. Every change
 *       that S₁ sees and S₀ does not is in the window exactly once, and nothing else is.
 *   <li><b>Late committers</b>: a writer W that started before the refresh at S₀ and commits after it is
 *       in S₀'s in-progress list (or at/above its xmax); its rows are invisible in S₀, and its xid is not
 *       below xmin(S₀). The next refresh, whose S₁ sees W committed, consumes them. Nothing is skipped,
 *       nothing applied twice, and no writer has to be waited for — unlike an LSN or sequence frontier,
 *       which needs a "holdback" below the oldest open transaction.
 *   <li><b>Aborted transactions and rolled-back savepoints</b>: their buffer rows are dead tuples (the
 *       buffer insert happened in the same (sub)transaction as the source change), so no snapshot sees
 *       them, although an aborted xid may well count as "visible" to {@code pg_visible_in_snapshot}.
 *       A savepoint that is released commits its rows with the top-level transaction.
 *   <li><b>The first frontier</b>: a stream table populated in a transaction whose snapshot (own xid
 *       included) is S₀ contains state(S₀); storing S₀ as its frontier makes the first window start
 *       right there. Capture must have been installed, and committed, before S₀ is taken: any change
 *       not in a buffer was then made by a transaction that finished before the capture's lock was
 *       granted, hence visible in S₀.
 *   <li><b>The refresh's own writes</b> (cascades): see {@link Frontier}. A row written by the refreshing
 *       transaction itself carries its own xid, which {@link Frontier#CURRENT} counts as visible in S₁;
 *       the same S₁, stored as the new frontier, keeps it from being consumed again.
 *   <li><b>A transaction that writes after refreshing</b>: S₁ = {@link Frontier#CURRENT} counts the
 *       refreshing transaction's own xid as visible, so a frontier taken inside a transaction that had
 *       written changes counts <em>all</em> of that xid as consumed — also the rows it writes after the
 *       refresh. Such a frontier therefore carries an {@link OwnMark} (xid, last command read), and the
 *       next window adds the rows of that xid with {@code cmin} above the mark
 *       ({@link #withLowerMark}). The first predicate excludes every row of that xid (S₀ counts it
 *       visible), so nothing is counted twice.
 *   <li><b>Pruning</b>: a row whose xid is visible in every consumer's frontier can never enter a future
 *       window (visibility only grows with later snapshots), so it can be deleted; below the minimum
 *       xmin over all frontiers that holds for every row. See {@link #prunablePredicate}.
 * </ul>
 *
 * <p>Snapshots are given as SQL expressions of type {@code pg_snapshot}: validated literals
 * ({@link #between(PgSnapshot, PgSnapshot)}), or any expression the caller controls
 * ({@link #betweenExpressions}), for example a bind parameter {@code ?::pg_snapshot} (each occurrence must
 * then be bound) or a column of the engine's catalog. Markers ({@code __pgt_w = 0}) are in the window
 * but not among its changes; {@link #truncationPredicate} finds them.
 */
public final class ChangeWindow {

  private final String from;
  private final String to;
  private final String markXid;
  private final String markCommand;

  private ChangeWindow(String from, String to, String markXid, String markCommand) {
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    this.markXid = markXid;
    this.markCommand = markCommand;
  }

  /** The window (from, to] between two frontiers given as values; renders safe literals. */
  public static ChangeWindow between(PgSnapshot from, PgSnapshot to) {
    return new ChangeWindow(from.toSqlLiteral(), to.toSqlLiteral(), null, null);
  }

  /**
   * The window between two SQL expressions of type {@code pg_snapshot}. The expressions are inserted
   * verbatim (parenthesized): they must come from trusted code, never from user input.
   */
  public static ChangeWindow betweenExpressions(String fromSql, String toSql) {
    return new ChangeWindow("(" + fromSql + ")", "(" + toSql + ")", null, null);
  }

  /**
   * This window with the lower frontier's <em>own-transaction mark</em> (see the class comment): the
   * rows of transaction {@code xidSql} (type {@code xid8}) written after command {@code commandSql}
   * (type {@code bigint}) are in the window too, once that transaction is visible in S₁. Either
   * expression may be NULL at run time (no mark). Trusted SQL only, as for {@link #betweenExpressions}.
   */
  public ChangeWindow withLowerMark(String xidSql, String commandSql) {
    return new ChangeWindow(from, to, "(" + Objects.requireNonNull(xidSql, "xidSql") + ")",
        "(" + Objects.requireNonNull(commandSql, "commandSql") + ")");
  }

  /** This window with the lower frontier's own-transaction mark given as a value (null: none). */
  public ChangeWindow withLowerMark(OwnMark mark) {
    return mark == null ? this : withLowerMark(mark.xidSql(), mark.commandSql());
  }

  /** The lower frontier S₀ as SQL. */
  public String fromSql() {
    return from;
  }

  /** The upper frontier S₁ as SQL. */
  public String toSql() {
    return to;
  }

  /**
   * Boolean SQL: the row aliased {@code alias} (null for unqualified columns) is in the window, marker
   * rows included.
   */
  public String predicate(String alias) {
    String xid = column(alias, ChangeBufferLayout.XID_COLUMN);
    String between = xid + " >= pg_snapshot_xmin(" + from + ")"
        + " AND " + xid + " < pg_snapshot_xmax(" + to + ")"
        + " AND pg_visible_in_snapshot(" + xid + ", " + to + ")"
        + " AND NOT pg_visible_in_snapshot(" + xid + ", " + from + ")";
    if (markXid == null) {
      return between;
    }
    return "((" + between + ") OR (" + xid + " = " + markXid + " AND "
        + OwnMark.commandOf(alias == null ? null : SqlIdentifiers.quote(alias)) + " > " + markCommand
        + " AND pg_visible_in_snapshot(" + xid + ", " + to + ")))";
  }

  /** Boolean SQL: the row is a change (weight ±1) in the window. */
  public String changesPredicate(String alias) {
    return "(" + predicate(alias) + ") AND " + column(alias, ChangeBufferLayout.WEIGHT_COLUMN) + " <> "
        + ChangeBufferLayout.TRUNCATE_MARKER;
  }

  /** Boolean SQL: the row is a TRUNCATE marker in the window. */
  public String truncationPredicate(String alias) {
    return "(" + predicate(alias) + ") AND " + column(alias, ChangeBufferLayout.WEIGHT_COLUMN) + " = "
        + ChangeBufferLayout.TRUNCATE_MARKER;
  }

  /**
   * A query over a source's buffer: the given captured columns followed by {@code __pgt_w}, one row per
   * change in the window (markers excluded).
   */
  public String changesQuery(long sourceOid, List<String> columns) {
    StringJoiner select = new StringJoiner(", ");
    for (String column : columns) {
      select.add("c." + SqlIdentifiers.quote(column));
    }
    select.add("c." + SqlIdentifiers.quote(ChangeBufferLayout.WEIGHT_COLUMN));
    return "SELECT " + select + " FROM " + ChangeBufferLayout.qualifiedTableName(sourceOid)
        + " AS c WHERE " + changesPredicate("c");
  }

  /** A query returning one boolean: whether the source was truncated within the window. */
  public String truncatedQuery(long sourceOid) {
    return "SELECT EXISTS (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(sourceOid)
        + " AS c WHERE " + truncationPredicate("c") + ")";
  }

  /**
   * Boolean SQL: the row aliased {@code alias} is consumed by every one of {@code frontiers} and can
   * never be in a later window of theirs, so it may be deleted. An empty list yields {@code false}.
   */
  public static String prunablePredicate(String alias, List<PgSnapshot> frontiers) {
    if (frontiers.isEmpty()) {
      return "false";
    }
    String xid = column(alias, ChangeBufferLayout.XID_COLUMN);
    long minXmax = Long.MAX_VALUE;
    long minXmin = Long.MAX_VALUE;
    for (PgSnapshot frontier : frontiers) {
      minXmax = Math.min(minXmax, frontier.xmax());
      minXmin = Math.min(minXmin, frontier.xmin());
    }
    // Below min xmin every frontier sees every xid. Between min xmin and min xmax a frontier sees an xid
    // unless it lists it as in progress; frontiers with an empty list see the whole range.
    StringJoiner allVisible = new StringJoiner(" AND ");
    allVisible.setEmptyValue("true");
    for (PgSnapshot frontier : frontiers) {
      if (!frontier.inProgress().isEmpty()) {
        allVisible.add("pg_visible_in_snapshot(" + xid + ", " + frontier.toSqlLiteral() + ")");
      }
    }
    StringBuilder sql = new StringBuilder();
    sql.append(xid).append(" < '").append(minXmax).append("'::xid8 AND (")
        .append(xid).append(" < '").append(minXmin).append("'::xid8 OR (").append(allVisible)
        .append("))");
    return sql.toString();
  }

  private static String column(String alias, String column) {
    return alias == null
        ? SqlIdentifiers.quote(column)
        : SqlIdentifiers.quote(alias) + "." + SqlIdentifiers.quote(column);
  }

  @Override
  public String toString() {
    return "(" + from + ", " + to + "]";
  }
}
