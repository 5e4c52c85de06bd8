package io.pgtrickle.dvm.catalog.jdbc;

import io.pgtrickle.dvm.catalog.CatalogReader;
import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.catalog.PgFunction;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.dvm.catalog.PgType;
import io.pgtrickle.dvm.catalog.Volatility;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code pg_catalog} over a {@link Connection} it is given (it never opens or closes one).
 * Name resolution follows the connection's {@code search_path} ({@code current_schemas(true)}, which
 * includes {@code pg_catalog} and the session's temporary schema). Types are cached for the
 * lifetime of this object: create one per analysis, or per schema version.
 * SQL failures surface as {@link CatalogReadException}.
 */
public final class JdbcCatalogReader implements CatalogReader {
  private static final String RELATION_SQL = """
      SELECT c.oid, n.nspname, c.relname, c.relkind
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relname = ? AND c.relkind IN ('r','v','m','f','p')
         AND n.nspname = ANY(CASE WHEN ?::text IS NULL THEN pg_catalog.current_schemas(true) ELSE ARRAY[?::name] END)
       ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)
       LIMIT 1""";
  private static final String COLUMNS_SQL = """
      SELECT a.attname, a.attnum, a.atttypid, a.atttypmod, a.attnotnull
        FROM pg_catalog.pg_attribute a
       WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attnum""";
  private static final String KEYS_SQL = """
      SELECT i.indisprimary,
             ARRAY(SELECT a.attname
                     FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                    WHERE k.ord <= i.indnkeyatts
                    ORDER BY k.ord)
        FROM pg_catalog.pg_index i
       WHERE i.indrelid = ? AND i.indisunique AND i.indisvalid
         AND i.indpred IS NULL AND i.indexprs IS NULL
       ORDER BY i.indisprimary DESC, i.indexrelid""";
  private static final String TYPE_COLUMNS = """
      SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace""";
  private static final String TYPE_BY_OID_SQL = TYPE_COLUMNS + " WHERE t.oid = ?";
  private static final String TYPE_BY_NAME_SQL = TYPE_COLUMNS + " " + """
       WHERE t.typname = ?
         AND n.nspname = ANY(CASE WHEN ?::text IS NULL THEN pg_catalog.current_schemas(true) ELSE ARRAY[?::name] END)
       ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)
       LIMIT 1""";
  private static final String FUNCTIONS_SQL = """
      SELECT p.oid, n.nspname, p.proname, p.proargtypes::oid[], p.prorettype, p.proretset,
             p.prokind, p.provolatile
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       WHERE p.proname = ? AND n.nspname = ANY(pg_catalog.current_schemas(true))
       ORDER BY p.oid""";
  private static final String SEARCH_PATH_SQL =
      "SELECT unnest(pg_catalog.current_schemas(false))";

  private final Connection connection;
  private final Map<Long, PgType> typeCache = new HashMap<>();

  /** Reads through {@code connection}, which stays the caller's. */
  public JdbcCatalogReader(Connection connection) {
    this.connection = connection;
  }

  @Override public Optional<PgRelation> relation(Optional<String> schema, String name) {
    try (PreparedStatement ps = connection.prepareStatement(RELATION_SQL)) {
      ps.setString(1, name);
      ps.setString(2, schema.orElse(null));
      ps.setString(3, schema.orElse(null));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long oid = rs.getLong(1);
        String nsp = rs.getString(2);
        String relname = rs.getString(3);
        PgRelation.RelationKind kind = PgRelation.RelationKind.of(rs.getString(4).charAt(0));
        List<PgColumn> columns = columns(oid);
        List<String> primaryKey = new ArrayList<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        readKeys(oid, primaryKey, uniqueKeys);
        return Optional.of(new PgRelation(oid, nsp, relname, kind, columns, primaryKey, uniqueKeys));
      }
    } catch (SQLException e) {
      throw new CatalogReadException("reading relation " + schema.map(s -> s + ".").orElse("") + name, e);
    }
  }

  private List<PgColumn> columns(long relid) throws SQLException {
    List<PgColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(COLUMNS_SQL)) {
      ps.setLong(1, relid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          PgType type = requireType(rs.getLong(3));
          columns.add(new PgColumn(rs.getString(1), rs.getInt(2), type, rs.getInt(4), rs.getBoolean(5)));
        }
      }
    }
    return columns;
  }

  private void readKeys(long relid, List<String> primaryKey, List<List<String>> uniqueKeys)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(KEYS_SQL)) {
      ps.setLong(1, relid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> cols = stringList(rs.getArray(2));
          if (rs.getBoolean(1)) {
            primaryKey.addAll(cols);
          } else {
            uniqueKeys.add(cols);
          }
        }
      }
    }
  }

  @Override public List<String> searchPath() {
    List<String> path = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(SEARCH_PATH_SQL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        path.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new CatalogReadException("reading search_path", e);
    }
    return path;
  }

  @Override public List<PgFunction> functions(String name) {
    List<PgFunction> result = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(FUNCTIONS_SQL)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Long> args = new ArrayList<>();
          for (Object o : (Object[]) rs.getArray(4).getArray()) {
            args.add(((Number) o).longValue());
          }
          result.add(new PgFunction(rs.getLong(1), rs.getString(2), rs.getString(3), args,
              rs.getLong(5), rs.getBoolean(6), rs.getString(7).charAt(0),
              Volatility.of(rs.getString(8).charAt(0))));
        }
      }
    } catch (SQLException e) {
      throw new CatalogReadException("reading functions named " + name, e);
    }
    return result;
  }

  @Override public Optional<PgType> type(long oid) {
    PgType cached = typeCache.get(oid);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (PreparedStatement ps = connection.prepareStatement(TYPE_BY_OID_SQL)) {
      ps.setLong(1, oid);
      return readType(ps);
    } catch (SQLException e) {
      throw new CatalogReadException("reading type " + oid, e);
    }
  }

  @Override public Optional<PgType> type(Optional<String> schema, String name) {
    try (PreparedStatement ps = connection.prepareStatement(TYPE_BY_NAME_SQL)) {
      ps.setString(1, name);
      ps.setString(2, schema.orElse(null));
      ps.setString(3, schema.orElse(null));
      return readType(ps);
    } catch (SQLException e) {
      throw new CatalogReadException("reading type " + name, e);
    }
  }

  private Optional<PgType> readType(PreparedStatement ps) throws SQLException {
    long oid;
    String schema;
    String name;
    PgType.Kind kind;
    char category;
    long elem;
    long base;
    int baseTypmod;
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      oid = rs.getLong(1);
      schema = rs.getString(2);
      name = rs.getString(3);
      kind = PgType.Kind.of(rs.getString(4).charAt(0));
      category = rs.getString(5).charAt(0);
      elem = rs.getLong(6);
      base = rs.getLong(7);
      baseTypmod = rs.getInt(8);
    }
    Optional<PgType> element = category == 'A' && elem != 0 ? type(elem) : Optional.empty();
    Optional<PgType> baseType = kind == PgType.Kind.DOMAIN ? type(base) : Optional.empty();
    PgType type = new PgType(oid, schema, name, kind, category, element, baseType, baseTypmod);
    typeCache.put(oid, type);
    return Optional.of(type);
  }

  private PgType requireType(long oid) {
    return type(oid).orElseThrow(() -> new CatalogReadException("type " + oid + " not found", null));
  }

  private static List<String> stringList(Array array) throws SQLException {
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      out.add((String) o);
    }
    return out;
  }
}
