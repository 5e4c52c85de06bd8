package io.pgtrickle.refresh.immediate;

import io.pgtrickle.dvm.analysis.AnalysisCache;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.OutputCrossCheck;
import io.pgtrickle.dvm.analysis.PgOutputColumn;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.analysis.SchemaFingerprint;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.dvm.catalog.jdbc.CatalogReadException;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.refresh.catalog.Dependency;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a stream table can be maintained IMMEDIATE and derives its {@link ImmediatePlan}:
 * every source must be an ordinary table without inheritance children (statement triggers on a parent
 * do not fire for writes to its children or partitions), not a view, materialized view, foreign table
 * or stream table; the query is analysed against the caller's connection, cross-checked against
 * PostgreSQL's output columns of the definition view, and differentiated with {@link BufferBindings}.
 * A refusal is {@link Result#unsupported} naming the construct.
 */
final class ImmediatePlanner {

  private static final Logger LOG = System.getLogger(ImmediatePlanner.class.getName());

  private static final AnalysisCache CACHE = new AnalysisCache(new QueryAnalyzer(), 256);

  private static final String OUTPUT_COLUMNS =
      "SELECT a.\"attname\", a.\"atttypid\", a.\"atttypmod\" FROM pg_catalog.pg_attribute a"
          + " WHERE a.\"attrelid\" = ?::oid AND a.\"attnum\" > 0 AND NOT a.\"attisdropped\""
          + " ORDER BY a.\"attnum\"";

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
    List<PgOutputColumn> output = outputColumns(connection, definitionViewOid);
    try {
      JdbcCatalogReader catalog = new JdbcCatalogReader(connection);
      List<PgRelation> relations = new ArrayList<>();
      for (Dependency d : dependencies) {
        catalog.relation(Optional.of(d.sourceSchema()), d.sourceName()).ifPresent(relations::add);
      }
      String fingerprint = SchemaFingerprint.of(relations, catalog.searchPath());
      AnalysisResult checked =
          OutputCrossCheck.check(CACHE.analyze(query, fingerprint, catalog), output, catalog);
      if (checked instanceof AnalysisResult.Unsupported unsupported) {
        return Result.refused(unsupported.reason());
      }
      AnalysisResult.Supported supported = (AnalysisResult.Supported) checked;
      // IMMEDIATE stores the user columns only: root aggregates by group rescan, no hidden state
      DeltaPlan delta =
          new Differentiator().differentiate(supported, storageSql, new BufferBindings(pgtId), false);
      if (delta.outputColumns().size() < output.size()) {
        return Result.refused("delta query has " + delta.outputColumns().size()
            + " columns, the stream table " + output.size());
      }
      List<String> rowKey = new ArrayList<>();
      for (int index : delta.rowKey()) {
        rowKey.add(delta.outputColumns().get(index));
      }
      return Result.of(new ImmediatePlan(delta.deltaQuery(), delta.outputColumns(), rowKey,
          delta.treeText(), sources(connection, supported, dependencies)));
    } catch (UnsupportedQueryException e) {
      return Result.refused(e.getMessage());
    } catch (CatalogReadException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("could not read the catalog for the query analysis: " + e.getMessage(), e);
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

  private static List<ImmediatePlan.Source> sources(Connection connection,
      AnalysisResult.Supported supported, List<Dependency> dependencies)
      throws UnsupportedQueryException, SQLException {
    Map<Long, Set<String>> columns = new LinkedHashMap<>();
    Map<Long, PgRelation> relations = new LinkedHashMap<>();
    supported.root().descendantsAndSelf().filter(Scan.class::isInstance).map(Scan.class::cast)
        .forEach(scan -> {
          relations.putIfAbsent(scan.relationOid(), scan.relation());
          Set<String> set = columns.computeIfAbsent(scan.relationOid(), k -> new LinkedHashSet<>());
          for (PgColumn column : scan.referenced()) {
            set.add(column.name());
          }
        });
    List<ImmediatePlan.Source> result = new ArrayList<>();
    for (Map.Entry<Long, Set<String>> e : columns.entrySet()) {
      PgRelation r = relations.get(e.getKey());
      if (dependencies.stream().noneMatch(d -> d.sourceRelid() == e.getKey())) {
        throw new UnsupportedQueryException("the analysis reads relation " + r.qualifiedName()
            + " that PostgreSQL does not list as a source");
      }
      List<String> names = List.copyOf(e.getValue());
      result.add(new ImmediatePlan.Source(e.getKey(), r.schema(), r.name(), names,
          types(connection, e.getKey(), names)));
    }
    return result;
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

  private static List<PgOutputColumn> outputColumns(Connection connection, long viewOid)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(OUTPUT_COLUMNS)) {
      ps.setLong(1, viewOid);
      List<PgOutputColumn> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(new PgOutputColumn(rs.getString(1), rs.getLong(2), rs.getInt(3)));
        }
      }
      return result;
    }
  }
}
