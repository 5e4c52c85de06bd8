package io.pgtrickle.benchmarks.jmh;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.analysis.UnsupportedQueryException;
import io.pgtrickle.dvm.delta.DeltaPlan;
import io.pgtrickle.dvm.delta.Differentiator;
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
 * Delta-SQL emission by the {@link Differentiator}, per operator kind, from an analysed tree:
 * {@code emit} builds the statement (a fresh analysis object per call, so the plan cache misses; the
 * cache insert is included), {@code emitCached} is the plan-cache hit every refresh after the first
 * takes. A query for which no delta rule exists yet fails its setup, naming the construct; the other
 * queries still run ({@code -foe false}, JMH's default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeltaSqlBenchmark {
  private static final String STORED = "public.\"bench_st\"";

  @Param({"SCAN", "FILTER", "AGGREGATE", "JOIN", "JOIN3", "Q3", "Q5"})
  public BenchQuery query;

  private Differentiator differentiator;
  private AnalysisResult.Supported analysis;
  private CatalogBindings bindings;

  @Setup
  public void setup() throws UnsupportedQueryException {
    AnalysisResult result = new QueryAnalyzer().analyze(query.sql(), TpchCatalog.build());
    if (!(result instanceof AnalysisResult.Supported supported)) {
      throw new IllegalStateException(query + ": " + ((AnalysisResult.Unsupported) result).reason());
    }
    analysis = supported;
    bindings = new CatalogBindings();
    differentiator = new Differentiator();
    differentiator.differentiate(analysis, STORED, bindings);
  }

  @Benchmark
  public DeltaPlan emit() throws UnsupportedQueryException {
    AnalysisResult.Supported fresh = new AnalysisResult.Supported(analysis.root(), analysis.outputColumns());
    return differentiator.differentiate(fresh, STORED, bindings);
  }

  @Benchmark
  public DeltaPlan emitCached() throws UnsupportedQueryException {
    return differentiator.differentiate(analysis, STORED, bindings);
  }
}
