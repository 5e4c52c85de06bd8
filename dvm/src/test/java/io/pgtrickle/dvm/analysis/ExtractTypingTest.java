package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** EXTRACT is typed numeric, as in PostgreSQL 14+, so its columns pass the output cross-check. */
class ExtractTypingTest {

  @Test
  void extractIsNumericAndRendersAsANoOpCast() {
    var result = QueryAnalyzerTest.supported(
        "SELECT y, count(*) AS n FROM (SELECT extract(year FROM created) AS y FROM orders) s GROUP BY y");
    assertEquals("DECIMAL", result.outputColumns().get(0).type().getSqlTypeName().name());
    assertEquals("""
        Aggregate group=[0] count(*)
          Project CAST(EXTRACT(YEAR FROM $0) AS NUMERIC)
            Scan "public"."orders" (oid 16385) [created]
        """, QueryAnalyzerTest.tree("SELECT extract(year FROM created) AS y, count(*) FROM orders GROUP BY 1"));
  }
}
