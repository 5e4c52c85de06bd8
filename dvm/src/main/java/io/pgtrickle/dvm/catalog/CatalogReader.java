package io.pgtrickle.dvm.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What the analysis needs to know about a PostgreSQL database, without a connection of its own.
 * The refresh module passes an implementation (normally
 * {@link io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader} over its connection); tests can use
 * {@link InMemoryCatalog}. Implementations may cache; the analysis calls them only while it analyses.
 */
public interface CatalogReader {

  /**
   * Resolves a relation the way PostgreSQL would: {@code schema} empty means "first match on the
   * search path". Names are exact (already case-folded by the parser).
   */
  Optional<PgRelation> relation(Optional<String> schema, String name);

  /** Schemas in search-path order, used to resolve unqualified names. */
  List<String> searchPath();

  /**
   * Functions named {@code name} (exact, already lower-cased unless quoted) visible on the search
   * path or in {@code pg_catalog}; empty when PostgreSQL has none. Overloads are all returned.
   */
  List<PgFunction> functions(String name);

  /** The type with this OID, if known. */
  Optional<PgType> type(long oid);

  /**
   * Resolves a type name as written in SQL ({@code vector}, {@code mood}, {@code app.money_amount}):
   * {@code schema} empty means the search path. Names are exact; built-in aliases such as
   * {@code int4} or {@code text} never reach this method.
   */
  Optional<PgType> type(Optional<String> schema, String name);
}
