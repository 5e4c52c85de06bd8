package io.pgtrickle.refresh.immediate;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.PgOutputColumn;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
import io.pgtrickle.refresh.catalog.Dependency;
import io.pgtrickle.refresh.diff.QueryAnalysis;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a stream table can be maintained IMMEDIATE and derives its {@link ImmediatePlan}:
 * every source must be an ordinary table without inheritance children (statement triggers on a parent
 * do not fire for writes to its children or partitions), not a view, materialized view, foreign table
 * or stream table; the query is analysed and cross-checked against PostgreSQL's output columns of
 * the definition view ({@link QueryAnalysis}, shared with the differential planner), and
 * differentiated with {@link BufferBindings}.
 * A refusal is {@link Result#unsupported} naming the construct.
 */
final class ImmediatePlanner {

  private static final Logger LOG = System.getLogger(ImmediatePlanner.class.getName());

  private static final String HAS_CHILDREN =
      "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE \"inhparent\" = ?::oid)";

  private ImmediatePlanner() {}

  /** A plan, or the reason there is none. */
  record Result(ImmediatePlan plan, String unsupported) {
    static Result of(ImmediatePlan plan) {
      return new Result(plan, null);
    }

    static Result refused(String reason) {
      return new Result(null, reason);
    }
  }

  static Result plan(Connection connection, long pgtId, String query, long definitionViewOid,
      String storageSql, List<Dependency> dependencies) throws SQLException {
    for (Dependency d : dependencies) {
      Optional<String> problem = sourceProblem(connection, d);
      if (problem.isPresent()) {
        return Result.refused(problem.get());
      }
    }
    List<PgOutputColumn> output = QueryAnalysis.outputColumns(connection, definitionViewOid);
    try {
      AnalysisResult checked = QueryAnalysis.analyse(connection, query, output, dependencies);
      if (checked instanceof AnalysisResult.Unsupported unsupported) {
        return Result.refused(unsupported.reason());
      }
      AnalysisResult.Supported supported = (AnalysisResult.Supported) checked;
      // a stateful root (aggregates) keeps hidden state columns, as in differential mode
      List<ImmediatePlan.Source> sources = new ArrayList<>();
      for (QueryAnalysis.SourceRead s : QueryAnalysis.sources(supported, dependencies)) {
        sources.add(new ImmediatePlan.Source(s.oid(), s.relation().schema(), s.relation().name(),
            s.columns(), types(connection, s.oid(), s.columns())));
      }
      Map<Long, ImmediatePlan.Source> byOid = new LinkedHashMap<>();
      sources.forEach(s -> byOid.put(s.oid(), s));
      DeltaPlan delta = new Differentiator().differentiate(supported, storageSql,
          new BufferBindings(pgtId, byOid), true);
      if (delta.outputColumns().size() != output.size()) {
        return Result.refused("delta query has " + delta.outputColumns().size()
            + " columns, the stream table " + output.size());
      }
      List<String> rowKey = new ArrayList<>();
      for (int index : delta.rowKey()) {
        rowKey.add(delta.outputColumns().get(index));
      }
      return Result.of(new ImmediatePlan(delta.deltaQuery(), delta.outputColumns(), rowKey,
          delta.treeText(), sources, delta.hiddenColumns(), delta.stateQuery()));
    } catch (UnsupportedQueryException e) {
      return Result.refused(e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "query analysis failed; treating the query as not maintainable", e);
      return Result.refused("the query analysis failed: " + e);
    }
  }

  private static Optional<String> sourceProblem(Connection connection, Dependency d)
      throws SQLException {
    String name = d.sourceSchema() + "." + d.sourceName();
    if (d.sourceIsStreamTable()) {
      return Optional.of("source " + name + " is a stream table");
    }
    Optional<String> kind = switch (d.sourceRelkind()) {
      case 'r' -> Optional.empty();
      case 'p' -> Optional.of("source " + name + " is a partitioned table");
      case 'v' -> Optional.of("source " + name + " is a view");
      case 'm' -> Optional.of("source " + name + " is a materialized view");
      case 'f' -> Optional.of("source " + name + " is a foreign table");
      default -> Optional.of("source " + name + " has relkind '" + d.sourceRelkind() + "'");
    };
    if (kind.isPresent()) {
      return kind;
    }
    try (PreparedStatement ps = connection.prepareStatement(HAS_CHILDREN)) {
      ps.setLong(1, d.sourceRelid());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1)
            ? Optional.of("source " + name + " has inheritance children")
            : Optional.empty();
      }
    }
  }

  private static List<String> types(Connection connection, long relid, List<String> columns)
      throws SQLException {
    List<String> result = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT pg_catalog.format_type(a.\"atttypid\", a.\"atttypmod\") FROM pg_catalog.pg_attribute a"
            + " WHERE a.\"attrelid\" = ?::oid AND a.\"attname\" = ? AND NOT a.\"attisdropped\"")) {
      for (String column : columns) {
        ps.setLong(1, relid);
        ps.setString(2, column);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("column " + column + " of source " + relid + " vanished");
          }
          result.add(rs.getString(1));
        }
      }
    }
    return result;
  }
}
