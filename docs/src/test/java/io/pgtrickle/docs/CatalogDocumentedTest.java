package io.pgtrickle.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The column tables of {@code docs/monitoring.md} are generated from the live catalog: column names,
 * types and the {@code COMMENT ON COLUMN} texts of the migration scripts. Any change to the catalog
 * that is not reflected in the docs fails here. Regenerate with {@code -Dpgtrickle.docs.update=true}.
 */
@PgTest
class CatalogDocumentedTest {

  private static TestDatabase db;

  @BeforeAll
  static void createCatalog(TestDatabase database) throws Exception {
    db = database;
    // The catalog is created on first use through the driver.
    try (Connection c = DriverManager.getConnection(db.pgtrickleUrl(), db.properties());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (a int)");
      s.execute("CREATE MATERIALIZED VIEW st WITH (pgtrickle.stream = true) AS SELECT a FROM t");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pgt_status", "pgt_refresh_history", "pgt_stream_tables", "pgt_dependencies",
      "pgt_immediate", "pgt_health", "pgt_refresh_stats", "pgt_dependency_tree",
      "pgt_scheduler_instances"})
  void columnTableMatchesTheCatalog(String relation) throws Exception {
    String page = relation.equals("pgt_immediate") ? "docs/immediate.md" : "docs/monitoring.md";
    MarkedSection section = new MarkedSection(
        MarkedSection.repositoryRoot().resolve(Path.of(page)), "catalog-" + relation);
    String expected = render(relation);
    assertFalse(expected.contains(" |  |\n"),
        "every column of pgtrickle." + relation + " needs a COMMENT ON COLUMN in the migrations:\n" + expected);
    if (MarkedSection.updateRequested()) {
      section.write(expected);
    }
    assertEquals(expected, section.read(),
        page + " differs from pgtrickle." + relation + "; regenerate with -Dpgtrickle.docs.update=true");
  }

  private static String render(String relation) throws Exception {
    StringBuilder md = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("""
            SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   COALESCE(pg_catalog.col_description(a.attrelid, a.attnum), '')
              FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum""")) {
      ps.setString(1, "pgtrickle." + relation);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          md.append("| `").append(rs.getString(1)).append("` | ").append(rs.getString(2))
              .append(" | ").append(rs.getString(3).replace("|", "\\|")).append(" |\n");
        }
      }
    }
    return md.toString();
  }
}
