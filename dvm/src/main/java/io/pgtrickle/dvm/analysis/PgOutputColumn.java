package io.pgtrickle.dvm.analysis;

/**
 * One output column of the query as PostgreSQL itself describes it (the engine reads these from a
 * temporary definition view: {@code pg_attribute.attname}, {@code atttypid}, {@code atttypmod}).
 *
 * @param name the column name PostgreSQL gives
 * @param typeOid its type OID
 * @param typmod its typmod, -1 when none
 */
public record PgOutputColumn(String name, long typeOid, int typmod) {}
