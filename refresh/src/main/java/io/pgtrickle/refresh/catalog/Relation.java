package io.pgtrickle.refresh.catalog;

import io.pgtrickle.refresh.sql.Sql;

/**
 * A relation as found in {@code pg_class}.
 *
 * @param oid its OID
 * @param schema its schema's name
 * @param name its name
 * @param relkind {@code pg_class.relkind}: r, v, m, f, p, …
 * @param persistence {@code pg_class.relpersistence}: p permanent, u unlogged, t temporary
 */
public record Relation(long oid, String schema, String name, char relkind, char persistence) {

  /** {@code "schema"."name"}. */
  public String sql() {
    return Sql.qualified(schema, name);
  }

  /** Whether it is a temporary relation. */
  public boolean temporary() {
    return persistence == 't';
  }
}
