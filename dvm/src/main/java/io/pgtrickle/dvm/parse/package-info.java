/**
 * PostgreSQL SQL parsing (the generated {@code impl.PgSqlParserImpl}, see {@link io.pgtrickle.dvm.parse.PgSqlParser}
 * for why) and the operator tables the validator resolves names with: Calcite's standard and
 * POSTGRESQL library looked up case-insensitively, pgvector/jsonb operators, and {@code pg_proc}
 * functions as a fallback.
 */
package io.pgtrickle.dvm.parse;
