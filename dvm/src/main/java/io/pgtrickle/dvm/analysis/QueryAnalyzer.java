package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.plan.Column;
import io.pgtrickle.dvm.plan.FullRefreshOnly;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Scan;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The analysis front end: query text → {@link AnalysisResult}. Stateless and thread-safe; see
 * {@link AnalysisCache} for the cached entry point.
 *
 * <ol>
 *   <li>{@link CalcitePipeline}: parse (PostgreSQL grammar), validate against the schema the
 *   {@link CatalogReader} describes, convert to Calcite's logical plan;</li>
 *   <li>{@link RelToPlanConverter}: lower it into our operator tree;</li>
 *   <li>refuse trees with FULL-only constructs, sources other than tables (views, materialized
 *   views, foreign tables: their changes cannot be captured), and volatile or set-returning
 *   functions.</li>
 * </ol>
 * Every refusal names the construct. PostgreSQL remains the authority on output columns:
 * {@link OutputCrossCheck} compares them afterwards.
 */
public final class QueryAnalyzer {
  private static final Logger LOG = System.getLogger(QueryAnalyzer.class.getName());
  /** Relation kinds whose changes triggers or logical decoding can capture. */
  private static final Set<PgRelation.RelationKind> CAPTURABLE =
      EnumSet.of(PgRelation.RelationKind.TABLE, PgRelation.RelationKind.PARTITIONED_TABLE);

  /** Analyses {@code sql} (one SELECT/WITH/set-operation query) against {@code catalog}. */
  public AnalysisResult analyze(String sql, CatalogReader catalog) {
    try {
      RelRoot root = CalcitePipeline.toRel(sql, catalog);
      PlanNode tree = new RelToPlanConverter().convert(root.project());
      Optional<String> fullOnly = tree.descendantsAndSelf().filter(FullRefreshOnly.class::isInstance)
          .map(n -> ((FullRefreshOnly) n).construct()).findFirst();
      if (fullOnly.isPresent()) {
        return new AnalysisResult.Unsupported(fullOnly.get());
      }
      Optional<String> untrackable = tree.descendantsAndSelf().filter(Scan.class::isInstance)
          .map(n -> ((Scan) n).relation()).filter(r -> !CAPTURABLE.contains(r.kind())).findFirst()
          .map(r -> "source " + r.qualifiedName() + " is a " + r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " (changes are captured from tables only)");
      if (untrackable.isPresent()) {
        return new AnalysisResult.Unsupported(untrackable.get());
      }
      Optional<String> volatileCall = new VolatilityCheck(catalog).firstProblem(tree);
      if (volatileCall.isPresent()) {
        return new AnalysisResult.Unsupported(volatileCall.get());
      }
      List<Column> output = new ArrayList<>();
      List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
      for (int i = 0; i < fields.size(); i++) {
        output.add(new Column(fields.get(i).getName(), tree.columns().get(i).type()));
      }
      return new AnalysisResult.Supported(tree, output);
    } catch (UnsupportedQueryException e) {
      LOG.log(Level.DEBUG, () -> "not maintainable differentially: " + e.getMessage(), e);
      return new AnalysisResult.Unsupported(e.getMessage());
    }
  }
}
