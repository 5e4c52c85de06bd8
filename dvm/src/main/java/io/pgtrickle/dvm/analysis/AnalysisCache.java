package io.pgtrickle.dvm.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pgtrickle.dvm.catalog.CatalogReader;

/**
 * Caches {@link AnalysisResult}s by (query text, schema fingerprint). Analysis costs milliseconds
 * warm and seconds cold (calcite.md §4) and is deterministic given the schema, so a stream table's
 * analysis is done once per schema version. The fingerprint is the caller's: normally
 * {@link SchemaFingerprint#of} over the query's dependencies (which PostgreSQL reports), so DDL on a
 * source yields a new key. Bounded by entry count; thread-safe.
 */
public final class AnalysisCache {
  private final QueryAnalyzer analyzer;
  private final Cache<Key, AnalysisResult> cache;

  /** A cache holding at most {@code maximumEntries} analyses. */
  public AnalysisCache(QueryAnalyzer analyzer, long maximumEntries) {
    this.analyzer = analyzer;
    this.cache = Caffeine.newBuilder().maximumSize(maximumEntries).recordStats().build();
  }

  /** The cached analysis of {@code sql} under {@code schemaFingerprint}, computing it on a miss. */
  public AnalysisResult analyze(String sql, String schemaFingerprint, CatalogReader catalog) {
    return cache.get(new Key(sql, schemaFingerprint), k -> analyzer.analyze(sql, catalog));
  }

  /** Drops every entry (e.g. after DDL whose effect the caller cannot fingerprint). */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Hits so far. */
  public long hitCount() {
    return cache.stats().hitCount();
  }

  /** Entries currently held (approximate). */
  public long size() {
    return cache.estimatedSize();
  }

  private record Key(String sql, String schemaFingerprint) {}
}
