package io.pgtrickle.benchmarks.jmh;

import io.pgtrickle.dvm.analysis.AnalysisCache;
import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query analysis in a warm JVM: {@code uncached} is a full {@link QueryAnalyzer#analyze} (parse, validate,
 * lower to the operator tree, checks); {@code cached} is an {@link AnalysisCache} hit for the same query and
 * schema fingerprint (what every refresh after the first pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalysisBenchmark {
  @Param({"SCAN", "FILTER", "AGGREGATE", "JOIN", "JOIN3", "Q3", "Q5"})
  public BenchQuery query;

  private InMemoryCatalog catalog;
  private String fingerprint;
  private QueryAnalyzer analyzer;
  private AnalysisCache cache;

  @Setup
  public void setup() {
    catalog = TpchCatalog.build();
    fingerprint = TpchCatalog.fingerprint(catalog);
    analyzer = new QueryAnalyzer();
    cache = new AnalysisCache(analyzer, 100);
    AnalysisResult first = cache.analyze(query.sql(), fingerprint, catalog);
    if (!first.isSupported()) {
      throw new IllegalStateException(query + " not supported: " + ((AnalysisResult.Unsupported) first).reason());
    }
  }

  @Benchmark
  public AnalysisResult uncached() {
    return analyzer.analyze(query.sql(), catalog);
  }

  @Benchmark
  public AnalysisResult cached() {
    return cache.analyze(query.sql(), fingerprint, catalog);
  }
}
