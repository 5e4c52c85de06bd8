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
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.refresh.catalog.Dependency;
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
 * The analysis step shared by the differential and the IMMEDIATE planner: the definition view's
 * output columns as PostgreSQL sees them, the query analysed ({@link AnalysisCache}, keyed by the
 * sources' {@link SchemaFingerprint}) against a {@link JdbcCatalogReader} over the caller's connection
 * (so names resolve with the caller's {@code search_path} exactly as PostgreSQL resolved them for the
 * definition view) and cross-checked against those columns ({@link OutputCrossCheck}), and the
 * source columns the analysed query reads. Thread-safe.
 */
public final class QueryAnalysis {

  private static final AnalysisCache CACHE = new AnalysisCache(new QueryAnalyzer(), 512);

  private static final String OUTPUT_COLUMNS =
      "SELECT a.\"attname\", a.\"atttypid\", a.\"atttypmod\" FROM pg_catalog.pg_attribute a"
          + " WHERE a.\"attrelid\" = ?::oid AND a.\"attnum\" > 0 AND NOT a.\"attisdropped\""
          + " ORDER BY a.\"attnum\"";

  private QueryAnalysis() {}

  /** A source table and the columns of it the query references, in first-use order. */
  public record SourceRead(long oid, PgRelation relation, List<String> columns) {
    public SourceRead {
      columns = List.copyOf(columns);
    }
  }

  /**
   * The cross-checked analysis of {@code query}; a catalog read failure is rethrown as the
   * {@link SQLException} behind it.
   */
  public static AnalysisResult analyse(Connection connection, String query, List<PgOutputColumn> output,
      List<Dependency> dependencies) throws SQLException {
    try {
      JdbcCatalogReader catalog = new JdbcCatalogReader(connection);
      List<PgRelation> relations = new ArrayList<>();
      for (Dependency d : dependencies) {
        catalog.relation(Optional.of(d.sourceSchema()), d.sourceName()).ifPresent(relations::add);
      }
      String fingerprint = SchemaFingerprint.of(relations, catalog.searchPath());
      return OutputCrossCheck.check(CACHE.analyze(query, fingerprint, catalog), output, catalog);
    } catch (CatalogReadException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("could not read the catalog for the query analysis: " + e.getMessage(), e);
    }
  }

  /**
   * Per source (in first-scan order) the columns the analysed query reads; a relation PostgreSQL did
   * not record as a source of the definition view is refused.
   */
  public static List<SourceRead> sources(AnalysisResult.Supported supported, List<Dependency> dependencies)
      throws UnsupportedQueryException {
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
    List<SourceRead> result = new ArrayList<>();
    for (Map.Entry<Long, Set<String>> e : columns.entrySet()) {
      PgRelation r = relations.get(e.getKey());
      if (dependencies.stream().noneMatch(d -> d.sourceRelid() == e.getKey())) {
        throw new UnsupportedQueryException("the analysis reads relation " + r.qualifiedName()
            + " that PostgreSQL does not list as a source");
      }
      result.add(new SourceRead(e.getKey(), r, List.copyOf(e.getValue())));
    }
    return result;
  }

  /** The columns of a relation (the definition view) as PostgreSQL sees them, in order. */
  public static List<PgOutputColumn> outputColumns(Connection connection, long viewOid)
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
