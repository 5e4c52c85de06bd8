package io.pgtrickle.dvm.catalog;

/**
 * One column of a relation ({@code pg_attribute} joined with {@code pg_type}).
 *
 * @param name exact name
 * @param attnum {@code pg_attribute.attnum}
 * @param type the column's type (for a domain: the domain itself; its base type is inside)
 * @param typmod {@code atttypmod}, -1 when none
 * @param notNull {@code attnotnull}
 */
public record PgColumn(String name, int attnum, PgType type, int typmod, boolean notNull) {}
