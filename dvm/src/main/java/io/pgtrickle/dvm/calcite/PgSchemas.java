package io.pgtrickle.dvm.calcite;

import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.catalog.PgBuiltinTypes;
import io.pgtrickle.dvm.catalog.PgType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * Calcite schemas that resolve names lazily through a {@link CatalogReader}, exactly (PostgreSQL
 * names are case-sensitive once folded). The root resolves unqualified table and type names along
 * the search path; {@code root.getSubSchema("app")} resolves names inside namespace {@code app}.
 * Built-in type names that PostgreSQL accepts but Calcite's grammar does not know
 * ({@code text}, {@code int4}, {@code float8}, {@code timestamptz}, {@code bpchar}, …) resolve here too.
 */
public final class PgSchemas {
  private PgSchemas() {}

  /** The root schema for one analysis. */
  public static Schema root(CatalogReader catalog) {
    return new Namespace(catalog, Optional.empty());
  }

  /**
   * Registers in {@code root} the unqualified type names {@code query} uses ({@code ::text},
   * {@code CAST(x AS vector)}): Calcite resolves a simple type name only among the root's explicit
   * types, so they are looked up in the catalog here, before validation.
   */
  public static void registerTypeNames(org.apache.calcite.sql.SqlNode query,
      org.apache.calcite.jdbc.CalciteSchema root, CatalogReader catalog) {
    java.util.Set<String> names = new java.util.HashSet<>();
    query.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override public Void visit(org.apache.calcite.sql.SqlDataTypeSpec spec) {
        org.apache.calcite.sql.SqlTypeNameSpec t = spec.getTypeNameSpec();
        while (t instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec c) {
          t = c.getElementTypeName();
        }
        if (t instanceof org.apache.calcite.sql.SqlUserDefinedTypeNameSpec && t.getTypeName().isSimple()) {
          names.add(t.getTypeName().getSimple());
        }
        return null;
      }
    });
    Namespace resolver = new Namespace(catalog, Optional.empty());
    for (String name : names) {
      RelProtoDataType type = resolver.getType(name);
      if (type != null) {
        root.add(name, type);
      }
    }
  }

  private static final class Namespace extends AbstractSchema {
    private final CatalogReader catalog;
    private final Optional<String> schema;

    Namespace(CatalogReader catalog, Optional<String> schema) {
      this.catalog = catalog;
      this.schema = schema;
    }

    @Override public Lookup<Table> tables() {
      return new ExactLookup<>(name -> catalog.relation(schema, name).map(PgTable::new).orElse(null));
    }

    @Override public Lookup<? extends Schema> subSchemas() {
      if (schema.isPresent()) {
        return Lookup.empty();
      }
      return new ExactLookup<>(name -> new Namespace(catalog, Optional.of(name)));
    }

    @Override public RelProtoDataType getType(String name) {
      if (schema.isEmpty()) {
        Optional<PgType> builtin = PgBuiltinTypes.ALL.stream().filter(t -> t.name().equals(name)).findFirst();
        if (builtin.isPresent()) {
          return f -> PgTypeMapping.toRelType(f, builtin.get(), -1, false);
        }
      }
      return catalog.type(schema, name)
          .<RelProtoDataType>map(t -> f -> PgTypeMapping.toRelType(f, t, -1, false))
          .orElse(null);
    }

    @Override public Set<String> getTypeNames() {
      return Set.of();
    }
  }

  /** A {@link Lookup} that asks a function, by exact name only. */
  private static final class ExactLookup<T> implements Lookup<T> {
    private final Function<String, T> resolver;

    ExactLookup(Function<String, T> resolver) {
      this.resolver = resolver;
    }

    @Override public T get(String name) {
      return resolver.apply(name);
    }

    @Override public Named<T> getIgnoreCase(String name) {
      T t = resolver.apply(name);
      return t == null ? null : new Named<>(name, t);
    }

    @Override public Set<String> getNames(LikePattern pattern) {
      return Set.of();
    }
  }
}
