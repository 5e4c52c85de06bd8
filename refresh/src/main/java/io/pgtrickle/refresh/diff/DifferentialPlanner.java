package io.pgtrickle.refresh.diff;

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
 * Decides whether a stream table can be maintained differentially and derives its {@link DiffPlan}:
 *
 * <ol>
 *   <li>every source must be an ordinary or partitioned table (views, materialized views and foreign
 *       tables cannot be captured by triggers); a stream table is an ordinary table, so a stream table
 *       over a stream table is differential too: the capture triggers on the upstream stream table see
 *       the rows its own refresh applies (the engine's MERGE/DELETE/INSERT), so every level of a
 *       cascade consumes only the changes of the level below;
 *   <li>the query is analysed ({@link AnalysisCache}, keyed by the sources' {@link SchemaFingerprint})
 *       against a {@link JdbcCatalogReader} over the caller's connection, so names resolve with the
 *       caller's {@code search_path} exactly as PostgreSQL resolved them for the definition view;
 *   <li>the analysed output is cross-checked against PostgreSQL's own columns of the definition view
 *       ({@link OutputCrossCheck});
 *   <li>{@link Differentiator} derives the delta query with {@link WindowBindings}.
 * </ol>
 *
 * Any refusal becomes {@link Verdict.Unsupported} naming the construct. Thread-safe.
 */
public final class DifferentialPlanner {

  private static final Logger LOG = System.getLogger(DifferentialPlanner.class.getName());

  private static final AnalysisCache CACHE = new AnalysisCache(new QueryAnalyzer(), 512);

  private static final String OUTPUT_COLUMNS =
      "SELECT a.\"attname\", a.\"atttypid\", a.\"atttypmod\" FROM pg_catalog.pg_attribute a"
          + " WHERE a.\"attrelid\" = ?::oid AND a.\"attnum\" > 0 AND NOT a.\"attisdropped\""
          + " ORDER BY a.\"attnum\"";

  private DifferentialPlanner() {}

  /**
   * The verdict for the query of a stream table.
   *
   * @param query the defining query as written
   * @param definitionViewOid the definition view (PostgreSQL's output columns, in storage order)
   * @param storageSql the quoted, schema-qualified stream table (the stored previous result)
   * @param dependencies the direct sources PostgreSQL recorded for the definition view
   */
  public static Verdict plan(
      Connection connection,
      String query,
      long definitionViewOid,
      String storageSql,
      List<Dependency> dependencies)
      throws SQLException {
    for (Dependency d : dependencies) {
      Optional<String> problem = sourceProblem(d);
      if (problem.isPresent()) {
        return new Verdict.Unsupported(problem.get());
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
      AnalysisResult analysis = CACHE.analyze(query, fingerprint, catalog);
      AnalysisResult checked = OutputCrossCheck.check(analysis, output, catalog);
      if (checked instanceof AnalysisResult.Unsupported unsupported) {
        return new Verdict.Unsupported(unsupported.reason());
      }
      AnalysisResult.Supported supported = (AnalysisResult.Supported) checked;
      DeltaPlan delta =
          new Differentiator().differentiate(supported, storageSql, new WindowBindings());
      if (delta.outputColumns().size() != output.size()) {
        return new Verdict.Unsupported("delta query has " + delta.outputColumns().size()
            + " columns, the stream table " + output.size());
      }
      List<String> rowKey = new ArrayList<>();
      for (int index : delta.rowKey()) {
        rowKey.add(output.get(index).name());
      }
      return new Verdict.Differential(
          new DiffPlan(delta.deltaQuery(), rowKey, delta.treeText(), sources(supported, dependencies),
              delta.hiddenColumns(), delta.stateQuery()));
    } catch (UnsupportedQueryException e) {
      return new Verdict.Unsupported(e.getMessage());
    } catch (CatalogReadException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("could not read the catalog for the query analysis: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // an analysis bug must not make the stream table unusable: fail safe to FULL, naming it
      LOG.log(Level.WARNING, "query analysis failed; treating the query as not maintainable", e);
      return new Verdict.Unsupported("the query analysis failed: " + e);
    }
  }

  /** Why a source cannot be captured for differential maintenance, if it cannot. */
  static Optional<String> sourceProblem(Dependency d) {
    String name = d.sourceSchema() + "." + d.sourceName();
    return switch (d.sourceRelkind()) {
      case 'r', 'p' -> Optional.empty();
      case 'v' -> Optional.of("source " + name + " is a view");
      case 'm' -> Optional.of("source " + name + " is a materialized view");
      case 'f' -> Optional.of("source " + name + " is a foreign table");
      default -> Optional.of("source " + name + " has relkind '" + d.sourceRelkind() + "'");
    };
  }

  private static List<DiffPlan.SourceColumns> sources(
      AnalysisResult.Supported supported, List<Dependency> dependencies) throws UnsupportedQueryException {
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
    List<DiffPlan.SourceColumns> result = new ArrayList<>();
    for (Map.Entry<Long, Set<String>> e : columns.entrySet()) {
      boolean known = dependencies.stream().anyMatch(d -> d.sourceRelid() == e.getKey());
      if (!known) {
        throw new UnsupportedQueryException(
            "the analysis reads relation " + relations.get(e.getKey()).qualifiedName()
                + " that PostgreSQL does not list as a source");
      }
      PgRelation r = relations.get(e.getKey());
      result.add(new DiffPlan.SourceColumns(e.getKey(), r.schema(), r.name(), e.getValue()));
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
