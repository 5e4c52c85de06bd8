package io.pgtrickle.dvm.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A relation as {@code pg_class} describes it.
 *
 * @param oid the relation's OID ({@code pg_class.oid})
 * @param schema its namespace
 * @param name its name, exact case
 * @param kind {@code pg_class.relkind}
 * @param columns live (not dropped) user columns in {@code attnum} order
 * @param primaryKey the primary key's column names, empty when there is none
 * @param uniqueKeys column lists of other unique indexes (non-partial, non-expression)
 */
public record PgRelation(long oid, String schema, String name, RelationKind kind,
    List<PgColumn> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {

  public PgRelation {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
  }

  /** The column with this exact name. */
  public Optional<PgColumn> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** {@code schema.name}, both quoted as PostgreSQL needs. */
  public String qualifiedName() {
    return PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(name);
  }

  /** {@code pg_class.relkind}. */
  public enum RelationKind {
    TABLE('r'), VIEW('v'), MATERIALIZED_VIEW('m'), FOREIGN_TABLE('f'), PARTITIONED_TABLE('p');

    private final char code;

    RelationKind(char code) {
      this.code = code;
    }

    /** The one-letter {@code relkind}. */
    public char code() {
      return code;
    }

    /** The kind for a {@code relkind} letter. */
    public static RelationKind of(char relkind) {
      for (RelationKind k : values()) {
        if (k.code == relkind) {
          return k;
        }
      }
      throw new IllegalArgumentException("relkind not a queryable relation: " + relkind);
    }
  }
}
