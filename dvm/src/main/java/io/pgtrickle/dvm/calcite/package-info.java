/**
 * Calcite adapted to PostgreSQL: lazily resolved schemas and search path, the type mapping in both
 * directions ({@link io.pgtrickle.dvm.calcite.PgTypeMapping}, {@link io.pgtrickle.dvm.calcite.PgNamedType}
 * for {@code vector}/{@code jsonb}/enums), a type system with PostgreSQL's numeric and aggregate
 * result rules, and the conversion tweaks that keep PostgreSQL semantics (casts to named types,
 * GREATEST/LEAST/COALESCE/NULLIF as calls). research/calcite.md explains each.
 */
package io.pgtrickle.dvm.calcite;
