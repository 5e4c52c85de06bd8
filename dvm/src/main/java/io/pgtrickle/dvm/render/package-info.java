/**
 * Expressions back to PostgreSQL SQL: Calcite's {@code SqlImplementor} with our
 * {@link io.pgtrickle.dvm.render.PgSqlDialect} (PostgreSQL type names in casts, every operator
 * parenthesised), verified against a live server by {@code RenderedExpressionRoundTripTest}.
 */
package io.pgtrickle.dvm.render;
