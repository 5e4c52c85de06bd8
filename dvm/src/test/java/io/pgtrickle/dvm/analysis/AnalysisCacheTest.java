package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pgtrickle.dvm.TestCatalogs;
import io.pgtrickle.dvm.catalog.InMemoryCatalog;
import io.pgtrickle.dvm.catalog.PgBuiltinTypes;
import io.pgtrickle.dvm.catalog.PgRelation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisCacheTest {
  @Test void cachesBySqlAndFingerprint() {
    InMemoryCatalog shop = TestCatalogs.shop();
    AnalysisCache cache = new AnalysisCache(new QueryAnalyzer(), 100);
    String sql = "SELECT id FROM orders WHERE amount > 1";
    String v1 = SchemaFingerprint.of(List.of(shop.relation(Optional.empty(), "orders").orElseThrow()), shop.searchPath());
    AnalysisResult first = cache.analyze(sql, v1, shop);
    assertSame(first, cache.analyze(sql, v1, shop));
    assertEquals(1, cache.hitCount());
    AnalysisResult other = cache.analyze(sql, "another-schema-version", shop);
    assertNotEquals(System.identityHashCode(first), System.identityHashCode(other));
    assertEquals(2, cache.size());
    cache.invalidateAll();
    assertEquals(0, cache.size());
  }

  @Test void fingerprintChangesWithTheSchema() {
    PgRelation before = InMemoryCatalog.builder().table("public", "t").column("a", PgBuiltinTypes.INT4).add()
        .build().relation(Optional.empty(), "t").orElseThrow();
    PgRelation retyped = InMemoryCatalog.builder().table("public", "t").column("a", PgBuiltinTypes.INT8).add()
        .build().relation(Optional.empty(), "t").orElseThrow();
    List<String> path = List.of("public");
    assertEquals(SchemaFingerprint.of(List.of(before), path), SchemaFingerprint.of(List.of(before), path));
    assertNotEquals(SchemaFingerprint.of(List.of(before), path), SchemaFingerprint.of(List.of(retyped), path));
    assertNotEquals(SchemaFingerprint.of(List.of(before), path), SchemaFingerprint.of(List.of(before), List.of("app")));
  }
}
