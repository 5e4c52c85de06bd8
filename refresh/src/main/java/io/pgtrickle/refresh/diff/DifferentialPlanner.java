package io.pgtrickle.refresh.diff;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.PgOutputColumn;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
import io.pgtrickle.refresh.catalog.Dependency;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>the query is analysed and cross-checked against PostgreSQL's own columns of the definition
 *       view ({@link QueryAnalysis}, shared with the IMMEDIATE planner);
 *   <li>{@link Differentiator} derives the delta query with {@link WindowBindings}.
 * </ol>
 *
 * Any refusal becomes {@link Verdict.Unsupported} naming the construct. Thread-safe.
 */
public final class DifferentialPlanner {

  private static final Logger LOG = System.getLogger(DifferentialPlanner.class.getName());

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
    List<PgOutputColumn> output = QueryAnalysis.outputColumns(connection, definitionViewOid);
    try {
      AnalysisResult checked = QueryAnalysis.analyse(connection, query, output, dependencies);
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
      List<DiffPlan.SourceColumns> sources = new ArrayList<>();
      for (QueryAnalysis.SourceRead s : QueryAnalysis.sources(supported, dependencies)) {
        sources.add(new DiffPlan.SourceColumns(s.oid(), s.relation().schema(), s.relation().name(),
            Set.copyOf(s.columns())));
      }
      return new Verdict.Differential(new DiffPlan(delta.deltaQuery(), rowKey, delta.treeText(), sources,
          delta.hiddenColumns(), delta.stateQuery()));
    } catch (UnsupportedQueryException e) {
      return new Verdict.Unsupported(e.getMessage());
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
}
