package io.pgtrickle.dvm.analysis;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.plan.PlanPrinter;
import org.junit.jupiter.api.Test;

class Explore {
  @Test void explore() throws Exception {
    QueryAnalyzer a = new QueryAnalyzer();
    for (String q : java.nio.file.Files.readString(java.nio.file.Path.of("/tmp/q.txt")).split(";;")) {
      if (q.isBlank()) continue;
      AnalysisResult r = a.analyze(q, TestCatalogs.shop());
      System.out.println("=== " + q);
      if (r instanceof AnalysisResult.Supported s) {
        System.out.print(PlanPrinter.print(s.root()));
        System.out.println("out: " + s.outputColumns());
      } else {
        System.out.println("UNSUPPORTED: " + ((AnalysisResult.Unsupported) r).reason());
      }
    }
  }
}
