package io.pgtrickle.dvm.catalog;

import java.util.Optional;

/**
 * A PostgreSQL type as {@code pg_type} describes it.
 *
 * @param oid {@code pg_type.oid}
 * @param schema its namespace ({@code pg_catalog} for built-ins)
 * @param name {@code typname}, e.g. {@code int4}, {@code _text}, {@code vector}
 * @param kind {@code typtype}: base, domain, enum, composite, range, pseudo
 * @param category {@code typcategory}, e.g. 'N' numeric, 'S' string, 'A' array
 * @param element for an array type, its element type
 * @param baseType for a domain, the type it is based on ({@code typbasetype}), with its typmod
 * @param baseTypmod for a domain, {@code typtypmod}
 */
public record PgType(long oid, String schema, String name, Kind kind, char category,
    Optional<PgType> element, Optional<PgType> baseType, int baseTypmod) {

  /** A plain base type in {@code pg_catalog}. */
  public static PgType builtin(long oid, String name, char category) {
    return new PgType(oid, "pg_catalog", name, Kind.BASE, category, Optional.empty(),
        Optional.empty(), -1);
  }

  /** An array type over {@code element}. */
  public static PgType arrayOf(long oid, PgType element) {
    return new PgType(oid, element.schema(), "_" + element.name(), Kind.BASE, 'A',
        Optional.of(element), Optional.empty(), -1);
  }

  /** True for array types ({@code typcategory = 'A'} with an element). */
  public boolean isArray() {
    return category == 'A' && element.isPresent();
  }

  /** The type name as PostgreSQL accepts it in a cast, schema-qualified unless in pg_catalog. */
  public String sqlName() {
    if (isArray()) {
      return element.orElseThrow().sqlName() + "[]";
    }
    return "pg_catalog".equals(schema) ? name : PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(name);
  }

  /** {@code pg_type.typtype}. */
  public enum Kind {
    BASE('b'), COMPOSITE('c'), DOMAIN('d'), ENUM('e'), PSEUDO('p'), RANGE('r'), MULTIRANGE('m');

    private final char code;

    Kind(char code) {
      this.code = code;
    }

    /** The kind for a {@code typtype} letter. */
    public static Kind of(char typtype) {
      for (Kind k : values()) {
        if (k.code == typtype) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown typtype " + typtype);
    }
  }
}
