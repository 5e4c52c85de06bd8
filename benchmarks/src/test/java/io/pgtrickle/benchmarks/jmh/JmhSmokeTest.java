package io.pgtrickle.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** One benchmark through JMH's runner, in-process, about a second: the generated harness works. No timing checks. */
class JmhSmokeTest {

  @Test
  void cachedAnalysisRunsUnderJmh() throws Exception {
    // JMH's lock (java.io.tmpdir/jmh.lock) guards against concurrent measurements; a benchmark run of
    // someone else on the machine must not fail this in-process smoke run.
    System.setProperty("jmh.ignoreLock", "true");
    Options opt = new OptionsBuilder()
        .include(AnalysisBenchmark.class.getName() + ".cached")
        .param("query", "SCAN")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.seconds(1))
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(opt).run();
    assertEquals(1, results.size());
    assertTrue(results.iterator().next().getPrimaryResult().getSampleCount() > 0);
    String md = JmhReport.render(results);
    assertTrue(md.contains("| `AnalysisBenchmark.cached` | us/op |"), md);
    assertTrue(md.contains("## Delta-SQL emission per operator") && md.contains("## Target"), md);
  }

  @Test
  void everyBenchmarkQueryIsAnalysedIntoAnOperatorTree() {
    // the per-operator emission figures divide by these counts: every query must have a tree of several nodes
    var counts = JmhReport.operatorCounts();
    assertEquals(BenchQuery.values().length, counts.size(), counts.toString());
    assertTrue(counts.get(BenchQuery.SCAN) >= 1 && counts.get(BenchQuery.Q5) > counts.get(BenchQuery.JOIN), counts.toString());
  }
}
