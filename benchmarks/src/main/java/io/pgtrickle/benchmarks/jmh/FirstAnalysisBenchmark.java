package io.pgtrickle.benchmarks.jmh;

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
 * The cold path: the first analysis in a fresh JVM (Calcite's classes loaded and initialised, nothing
 * JIT-compiled), which is what the first CREATE of a stream table pays. One shot per fork; the forks give
 * the distribution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class FirstAnalysisBenchmark {
  @Param({"SCAN", "Q3"})
  public BenchQuery query;

  private InMemoryCatalog catalog;

  @Setup
  public void setup() {
    catalog = TpchCatalog.build();
  }

  @Benchmark
  public AnalysisResult firstCall() {
    return new QueryAnalyzer().analyze(query.sql(), catalog);
  }
}
