/**
 * The analysis front end of differential maintenance: query text → operator tree or a named refusal.
 *
 * <p>Entry points for the engine:
 * <pre>{@code
 * CatalogReader catalog = new JdbcCatalogReader(connection);            // the engine's connection
 * AnalysisResult r = cache.analyze(sql, SchemaFingerprint.of(sources, catalog.searchPath()), catalog);
 * r = OutputCrossCheck.check(r, postgresOutputColumns, catalog);         // PostgreSQL is the authority
 * if (r instanceof AnalysisResult.Supported s) { ... s.root() ... } else { FULL, reason() names why }
 * }</pre>
 * {@link io.pgtrickle.dvm.analysis.QueryAnalyzer} does the work: parse with our PostgreSQL grammar,
 * validate with Calcite against the catalog, convert to Calcite's logical plan, lower it into
 * {@link io.pgtrickle.dvm.plan} (sub-queries in WHERE become semi/anti-joins), then refuse FULL-only
 * constructs, non-table sources and volatile or set-returning functions.
 */
package io.pgtrickle.dvm.analysis;
