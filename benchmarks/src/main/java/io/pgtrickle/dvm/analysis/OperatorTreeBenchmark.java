package io.pgtrickle.dvm.analysis;

import io.pgtrickle.benchmarks.jmh.BenchQuery;
import io.pgtrickle.benchmarks.jmh.TpchCatalog;
import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import io.pgtrickle.dvm.plan.PlanNode;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
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
 * The two halves of analysis, apart: {@code calciteToRel} (parse, validate, convert to Calcite's logical
 * plan) and {@code lowerToOperatorTree} (Calcite's plan → our operator tree, the part pgtrickle owns).
 *
 * <p>It lives in the analyzer's package (a split package, benchmarks only) because both steps are
 * package-private there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OperatorTreeBenchmark {
  @Param({"SCAN", "AGGREGATE", "JOIN3", "Q3", "Q5"})
  public BenchQuery query;

  private InMemoryCatalog catalog;
  private RelNode rel;

  @Setup
  public void setup() throws UnsupportedQueryException {
    catalog = TpchCatalog.build();
    rel = CalcitePipeline.toRel(query.sql(), catalog).project();
  }

  @Benchmark
  public RelRoot calciteToRel() throws UnsupportedQueryException {
    return CalcitePipeline.toRel(query.sql(), catalog);
  }

  @Benchmark
  public PlanNode lowerToOperatorTree() throws UnsupportedQueryException {
    return new RelToPlanConverter().convert(rel);
  }
}
