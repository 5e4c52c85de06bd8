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

  /**
   * What AUTO chose for one refresh: the source changes it counted (null when it did not count: not
   * {@code refresh_mode = auto}, or no frontier yet) and the reason to run FULL instead of applying the
   * delta (null: apply it).
   */
  public record Choice(Long sourceChanges, String fullReason) {

    /** Nothing counted, nothing decided: apply the delta. */
    public static final Choice NONE = new Choice(null, null);

    public boolean full() {
      return fullReason != null;
    }
  }

  /**
   * Asks the cost model when {@code st} is in {@code refresh_mode = auto}; {@code upperSql} is S₁ as
   * the refresh takes it ({@link WindowSnapshot#upper}).
   */
  public static Choice choose(Connection connection, StreamTableRow st, DiffState.Loaded state,
      String upperSql) throws SQLException {
    if (st.options().refreshMode() != RefreshMode.AUTO || state.frontier() == null) {
      return Choice.NONE;
    }
    AutoCostModel model = AutoCostModel.DEFAULT;
    long pending = pendingChanges(connection, state, Long.MAX_VALUE, upperSql);
    if (pending < model.minChangesForFull()) {
      return new Choice(pending, null); // no need to read sizes or history
    }
    History history = history(connection, st.pgtId());
    AutoCostModel.Decision decision = model.decide(new AutoCostModel.Inputs(pending,
        sourceRows(connection, state.sources()), history.samples(), history.lastFull(),
        history.fullsSinceDifferential()));
    return new Choice(pending, decision.full() ? decision.reason() : null);
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
    return pendingChanges(connection, state, cap, WindowSnapshot.upper(connection, state.sources()).sql());
  }

  private static long pendingChanges(Connection connection, DiffState.Loaded state, long cap,
      String upperSql) throws SQLException {
    if (state.sources().isEmpty() || state.frontier() == null) {
      return 0;
    }
    ChangeWindow window = ChangeWindow.betweenExpressions(state.frontier().toSqlLiteral(), upperSql)
        .withLowerMark(state.ownMark());
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

  /** What the model reads of a stream table's own history. */
  private record History(List<AutoCostModel.Sample> samples, Optional<AutoCostModel.FullTiming> lastFull,
      int fullsSinceDifferential) {}

  /**
   * In one statement: the newest {@link #SAMPLES} differential refreshes that counted their source
   * changes, the last executed FULL with its age, and how many FULLs ran since the newest differential.
   */
  private static History history(Connection connection, long pgtId) throws SQLException {
    String history = "\"pgtrickle\".\"pgt_refresh_history\" h WHERE h.\"pgt_id\" = ?"
        + " AND h.\"status\" = 'succeeded' AND h.\"executed_strategy\"";
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT s.\"changes\", s.\"millis\", f.\"duration_ms\", f.\"age\", n.\"fulls\" FROM"
            + " (SELECT pg_catalog.array_agg(x.\"source_changes\" ORDER BY x.\"history_id\" DESC) AS \"changes\","
            + " pg_catalog.array_agg(x.\"duration_ms\" ORDER BY x.\"history_id\" DESC) AS \"millis\""
            + " FROM (SELECT h.\"history_id\", h.\"source_changes\", h.\"duration_ms\" FROM " + history
            + " = 'differential' AND h.\"source_changes\" > 0 ORDER BY h.\"history_id\" DESC LIMIT "
            + SAMPLES + ") x) s"
            + " LEFT JOIN LATERAL (SELECT h.\"duration_ms\","
            + " EXTRACT(EPOCH FROM pg_catalog.clock_timestamp() - h.\"finished_at\") AS \"age\" FROM "
            + history + " = 'full' ORDER BY h.\"history_id\" DESC LIMIT 1) f ON true"
            + " CROSS JOIN (SELECT pg_catalog.count(*) AS \"fulls\" FROM " + history + " = 'full'"
            + " AND h.\"history_id\" > COALESCE((SELECT pg_catalog.max(d.\"history_id\")"
            + " FROM \"pgtrickle\".\"pgt_refresh_history\" d WHERE d.\"pgt_id\" = ?"
            + " AND d.\"executed_strategy\" = 'differential'), 0)) n")) {
      for (int i = 1; i <= 4; i++) {
        ps.setLong(i, pgtId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        List<AutoCostModel.Sample> samples = new ArrayList<>();
        Array changesArray = rs.getArray(1);
        if (changesArray != null) {
          Long[] changes = (Long[]) changesArray.getArray();
          Double[] millis = (Double[]) rs.getArray(2).getArray();
          for (int i = 0; i < changes.length; i++) {
            samples.add(new AutoCostModel.Sample(changes[i], millis[i]));
          }
        }
        double fullMillis = rs.getDouble(3);
        Optional<AutoCostModel.FullTiming> lastFull = rs.wasNull() ? Optional.empty()
            : Optional.of(new AutoCostModel.FullTiming(fullMillis, rs.getDouble(4)));
        return new History(samples, lastFull, rs.getInt(5));
      }
    }
  }
}
