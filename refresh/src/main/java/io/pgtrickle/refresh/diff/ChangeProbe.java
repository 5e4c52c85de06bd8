package io.pgtrickle.refresh.diff;

import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.refresh.catalog.HistoryRecorder;
import io.pgtrickle.refresh.catalog.RefreshRecord;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.OwnMark;
import io.pgtrickle.spi.cdc.PgSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * The no-change fast path of a differential refresh: one statement takes S₁ and asks every source's
 * change buffer whether any row (change or TRUNCATE marker) lies in the window (S₀, S₁]. When none
 * does, the sources read in S₁ are exactly the sources read in S₀, so the stored result is already the
 * query's result as of S₁: the refresh stores S₁ as the frontier and is done, without planning or
 * running the delta query. S₁ and the probe share the statement's snapshot, for the same reason as in
 * {@link DeltaMaterializer} (see {@link WindowSnapshot}); a writer that commits after it lands in the
 * next window.
 */
final class ChangeProbe {

  private ChangeProbe() {}

  /**
   * When no source has a row in the window, ends the refresh in the same statement: S₁ and the
   * own-transaction mark of {@code upper} become the frontier, the catalog row is marked refreshed and
   * {@code success} is recorded ({@link RefreshRecord}). Returns whether it did; if not, nothing was
   * written and the caller runs the full differential path, which takes its own S₁. The SQL text
   * depends only on the stream table's sources (S₀ is a parameter), so PgJDBC prepares it on the
   * server after a few refreshes.
   */
  static boolean recordIfUnchanged(Connection connection, long pgtId, PgSnapshot lower,
      OwnMark lowerMark, WindowSnapshot.Upper upper, Collection<Long> sourceOids,
      HistoryRecorder.Success success) throws SQLException {
    StringJoiner any = new StringJoiner(" OR ");
    any.setEmptyValue("false");
    for (long oid : sourceOids) {
      any.add("EXISTS (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(oid) + " AS c WHERE "
          + WindowBindings.WINDOW.predicate("c") + ")");
    }
    String window = Sql.ident(SourceBindings.WINDOW_CTE);
    String probe = Sql.ident("__pgt_probe");
    String sql = "WITH " + WindowBindings.cte("?", lowerMark, upper.sql()) + ", "
        + probe + " AS (SELECT w.\"s1\", (" + any + ") AS \"changed\" FROM " + window + " AS w), "
        + RefreshRecord.ctes(DiffState.frontierSet("p.\"s1\""), probe + " AS p", "NOT p.\"changed\"")
        + " SELECT p.\"changed\" FROM " + probe + " AS p";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, lower.text());
      int next = DiffState.bindMark(ps, 2, upper.mark());
      RefreshRecord.bind(ps, next, pgtId, success);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return !rs.getBoolean(1);
      }
    }
  }
}
