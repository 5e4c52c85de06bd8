package io.pgtrickle.dvm.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CatalogReader} built in code: for unit tests and for callers that already hold the
 * metadata. Knows the built-in types, {@code now()}/{@code random()}-style functions only when
 * added with {@link Builder#function}.
 */
public final class InMemoryCatalog implements CatalogReader {
  private final List<String> searchPath;
  private final Map<String, Map<String, PgRelation>> relations;
  private final Map<Long, PgType> types;
  private final Map<String, Map<String, PgType>> typesByName;
  private final Map<String, List<PgFunction>> functions;

  private InMemoryCatalog(Builder b) {
    searchPath = List.copyOf(b.searchPath);
    relations = b.relations;
    types = b.types;
    typesByName = b.typesByName;
    functions = b.functions;
  }

  /** A builder whose search path is {@code public}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override public Optional<PgRelation> relation(Optional<String> schema, String name) {
    for (String s : schema.map(List::of).orElse(searchPath)) {
      PgRelation r = relations.getOrDefault(s, Map.of()).get(name);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override public List<String> searchPath() {
    return searchPath;
  }

  @Override public List<PgFunction> functions(String name) {
    return functions.getOrDefault(name, List.of());
  }

  @Override public Optional<PgType> type(long oid) {
    return Optional.ofNullable(types.get(oid));
  }

  @Override public Optional<PgType> type(Optional<String> schema, String name) {
    List<String> path = new ArrayList<>(schema.map(List::of).orElse(searchPath));
    if (schema.isEmpty()) {
      path.add("pg_catalog");
    }
    for (String s : path) {
      PgType t = typesByName.getOrDefault(s, Map.of()).get(name);
      if (t != null) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Collects relations, types and functions. */
  public static final class Builder {
    private final List<String> searchPath = new ArrayList<>(List.of("public"));
    private final Map<String, Map<String, PgRelation>> relations = new HashMap<>();
    private final Map<Long, PgType> types = new HashMap<>();
    private final Map<String, Map<String, PgType>> typesByName = new HashMap<>();
    private final Map<String, List<PgFunction>> functions = new HashMap<>();
    private long nextOid = 16_384;

    private Builder() {
      PgBuiltinTypes.ALL.forEach(this::type);
    }

    /** Replaces the search path. */
    public Builder searchPath(String... schemas) {
      searchPath.clear();
      searchPath.addAll(List.of(schemas));
      return this;
    }

    /** Registers a type (its element/base types too). */
    public Builder type(PgType type) {
      types.put(type.oid(), type);
      typesByName.computeIfAbsent(type.schema(), k -> new HashMap<>()).put(type.name(), type);
      type.element().ifPresent(this::type);
      type.baseType().ifPresent(this::type);
      return this;
    }

    /** Adds an opaque extension/base type such as pgvector's {@code vector}; returns it. */
    public PgType baseType(String schema, String name) {
      PgType t = new PgType(nextOid++, schema, name, PgType.Kind.BASE, 'U', Optional.empty(),
          Optional.empty(), -1);
      type(t);
      return t;
    }

    /** Starts a table {@code schema.name} with a fresh OID. */
    public TableBuilder table(String schema, String name) {
      return new TableBuilder(this, schema, name, nextOid++);
    }

    /** Adds one function overload. */
    public Builder function(String name, Volatility volatility, PgType returnType, PgType... args) {
      functions.computeIfAbsent(name, k -> new ArrayList<>()).add(new PgFunction(nextOid++,
          "pg_catalog", name, List.of(args).stream().map(PgType::oid).toList(), returnType.oid(),
          false, 'f', volatility));
      return this;
    }

    /** Adds a fully described function overload. */
    public Builder function(PgFunction function) {
      functions.computeIfAbsent(function.name(), k -> new ArrayList<>()).add(function);
      return this;
    }

    /** The catalog. */
    public InMemoryCatalog build() {
      return new InMemoryCatalog(this);
    }
  }

  /** Collects one table's columns and keys. */
  public static final class TableBuilder {
    private final Builder parent;
    private final String schema;
    private final String name;
    private final long oid;
    private final Map<String, PgColumn> columns = new LinkedHashMap<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final List<List<String>> uniqueKeys = new ArrayList<>();
    private PgRelation.RelationKind kind = PgRelation.RelationKind.TABLE;

    private TableBuilder(Builder parent, String schema, String name, long oid) {
      this.parent = parent;
      this.schema = schema;
      this.name = name;
      this.oid = oid;
    }

    /** A nullable column. */
    public TableBuilder column(String columnName, PgType type) {
      return column(columnName, type, -1, false);
    }

    /** A column with a typmod ({@code varchar(n)}: n+4; {@code numeric(p,s)}: ((p&lt;&lt;16)|s)+4). */
    public TableBuilder column(String columnName, PgType type, int typmod, boolean notNull) {
      parent.type(type);
      columns.put(columnName, new PgColumn(columnName, columns.size() + 1, type, typmod, notNull));
      return this;
    }

    /** Declares the primary key (its columns become NOT NULL). */
    public TableBuilder primaryKey(String... columnNames) {
      for (String c : columnNames) {
        PgColumn col = columns.get(c);
        columns.put(c, new PgColumn(c, col.attnum(), col.type(), col.typmod(), true));
        primaryKey.add(c);
      }
      return this;
    }

    /** Declares a unique key. */
    public TableBuilder unique(String... columnNames) {
      uniqueKeys.add(List.of(columnNames));
      return this;
    }

    /** Makes it a view or other relkind. */
    public TableBuilder kind(PgRelation.RelationKind relationKind) {
      this.kind = relationKind;
      return this;
    }

    /** Finishes the table and returns to the catalog builder. */
    public Builder add() {
      parent.relations.computeIfAbsent(schema, k -> new HashMap<>()).put(name,
          new PgRelation(oid, schema, name, kind, List.copyOf(columns.values()), primaryKey,
              uniqueKeys));
      return parent;
    }
  }
}
