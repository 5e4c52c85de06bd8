package io.pgtrickle.refresh.ddl;

/**
 * An output column of a definition view (and so of its stream table).
 *
 * @param name the column name
 * @param typeOid {@code pg_attribute.atttypid}
 * @param typeName the type as {@code format_type} prints it (with typmod)
 */
public record Column(String name, long typeOid, String typeName) {}
