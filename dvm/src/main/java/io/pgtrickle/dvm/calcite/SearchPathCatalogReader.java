package io.pgtrickle.dvm.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Calcite's catalog reader resolving unqualified names along PostgreSQL's {@code search_path}
 * (one Calcite schema path per namespace, in order), case-sensitively.
 */
public final class SearchPathCatalogReader extends CalciteCatalogReader {
  /** Resolves in {@code root}, trying each of {@code searchPath}'s schemas for unqualified names. */
  public SearchPathCatalogReader(CalciteSchema root, List<String> searchPath, RelDataTypeFactory typeFactory) {
    super(root, SqlNameMatchers.withCaseSensitive(true), schemaPaths(searchPath), typeFactory, config());
  }

  private static List<List<String>> schemaPaths(List<String> searchPath) {
    List<List<String>> paths = new ArrayList<>();
    searchPath.forEach(s -> paths.add(List.of(s)));
    paths.add(List.of());
    return paths;
  }

  private static CalciteConnectionConfigImpl config() {
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    return new CalciteConnectionConfigImpl(props);
  }
}
