package io.pgtrickle.refresh.diff;

import io.pgtrickle.dvm.delta.SourceBindings;
import io.pgtrickle.refresh.sql.Sql;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.OwnMark;
import io.pgtrickle.spi.cdc.PgSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Optional;
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
   * S₁ if no source has a row in the window, else empty (the caller runs the full differential path,
   * which takes its own S₁).
   */
  static Optional<PgSnapshot> unchangedUpTo(Connection connection, PgSnapshot lower,
      OwnMark lowerMark, String upperSql, Collection<Long> sourceOids) throws SQLException {
    StringJoiner any = new StringJoiner(" OR ");
    any.setEmptyValue("false");
    for (long oid : sourceOids) {
      any.add("EXISTS (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(oid) + " AS c WHERE "
          + WindowBindings.WINDOW.predicate("c") + ")");
    }
    String window = Sql.ident(SourceBindings.WINDOW_CTE);
    String sql = "WITH " + WindowBindings.cte(lower.toSqlLiteral(), lowerMark, upperSql)
        + " SELECT w.\"s1\"::text, (" + any + ") FROM " + window + " AS w";
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getBoolean(2) ? Optional.empty() : Optional.of(PgSnapshot.parse(rs.getString(1)));
    }
  }
}
