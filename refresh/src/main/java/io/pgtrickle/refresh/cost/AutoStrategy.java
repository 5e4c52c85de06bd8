package io.pgtrickle.refresh.cost;

import io.pgtrickle.refresh.catalog.StreamTableRow;
import io.pgtrickle.refresh.diff.DiffState;
import io.pgtrickle.refresh.diff.WindowSnapshot;
import io.pgtrickle.refresh.option.RefreshMode;
import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.ChangeWindow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Gathers {@link AutoCostModel.Inputs} for one refresh of a differential stream table from the
 * database (pending changes in its window, source sizes, its own history) and asks the model. Only
 * {@code refresh_mode = auto} consults it; {@code differential} always applies the delta.
 */
public final class AutoStrategy {

  /** Past differential refreshes the prediction looks at. */
  private static final int SAMPLES = 20;

  private AutoStrategy() {}

  /** The reason to run FULL instead of applying the delta, if the model says so. */
  public static Optional<String> fullInstead(Connection connection, StreamTableRow st,
      DiffState.Loaded state) throws SQLException {
    if (st.options().refreshMode() != RefreshMode.AUTO || state.frontier() == null) {
      return Optional.empty();
    }
    AutoCostModel model = AutoCostModel.DEFAULT;
    long pending = pendingChanges(connection, state, Long.MAX_VALUE);
    if (pending < model.minChangesForFull()) {
      return Optional.empty(); // no need to read sizes or history
    }
    AutoCostModel.Decision decision = model.decide(new AutoCostModel.Inputs(pending,
        sourceRows(connection, state.sources()), samples(connection, st.pgtId()),
        lastFull(connection, st.pgtId())));
    return decision.full() ? Optional.of(decision.reason()) : Optional.empty();
  }

  /**
   * Change rows (and TRUNCATE markers) of the sources in the window from the frontier to what a
   * refresh in this transaction would read, counting at most {@code cap} per source.
   */
  public static long pendingChanges(Connection connection, DiffState.Loaded state, long cap)
      throws SQLException {
    if (state.sources().isEmpty() || state.frontier() == null) {
      return 0;
    }
    ChangeWindow window = ChangeWindow.betweenExpressions(state.frontier().toSqlLiteral(),
        WindowSnapshot.upper(connection, state.sources()).sql()).withLowerMark(state.ownMark());
    StringJoiner sum = new StringJoiner(" + ", "SELECT ", "");
    for (long source : state.sources()) {
      sum.add("(SELECT count(*) FROM (SELECT 1 FROM " + ChangeBufferLayout.qualifiedTableName(source)
          + " AS c WHERE " + window.predicate("c")
          + (cap == Long.MAX_VALUE ? "" : " LIMIT " + cap) + ") AS x)");
    }
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sum.toString())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Estimated rows of the sources together; -1 when one was never analysed (reltuples -1). */
  private static long sourceRows(Connection connection, List<Long> sources) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT CASE WHEN bool_or(c.\"reltuples\" < 0) THEN -1"
            + " ELSE COALESCE(sum(c.\"reltuples\"), 0)::bigint END FROM pg_catalog.pg_class c"
            + " WHERE c.\"oid\" = ANY (?::oid[])")) {
      Array array = connection.createArrayOf("int8", sources.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<AutoCostModel.Sample> samples(Connection connection, long pgtId)
      throws SQLException {
    List<AutoCostModel.Sample> samples = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT \"delta_rows\", \"duration_ms\" FROM \"pgtrickle\".\"pgt_refresh_history\""
            + " WHERE \"pgt_id\" = ? AND \"status\" = 'succeeded'"
            + " AND \"executed_strategy\" = 'differential' AND \"delta_rows\" IS NOT NULL"
            + " ORDER BY \"history_id\" DESC LIMIT " + SAMPLES)) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          samples.add(new AutoCostModel.Sample(rs.getLong(1), rs.getDouble(2)));
        }
      }
    }
    return samples;
  }

  private static Optional<AutoCostModel.FullTiming> lastFull(Connection connection, long pgtId)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT \"duration_ms\", EXTRACT(EPOCH FROM pg_catalog.clock_timestamp() - \"finished_at\")"
            + " FROM \"pgtrickle\".\"pgt_refresh_history\" WHERE \"pgt_id\" = ?"
            + " AND \"status\" = 'succeeded' AND \"executed_strategy\" = 'full'"
            + " ORDER BY \"history_id\" DESC LIMIT 1")) {
      ps.setLong(1, pgtId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new AutoCostModel.FullTiming(rs.getDouble(1), rs.getDouble(2)))
            : Optional.empty();
      }
    }
  }
}
