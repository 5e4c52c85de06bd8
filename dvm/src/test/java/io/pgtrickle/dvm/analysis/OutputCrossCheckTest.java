package io.pgtrickle.dvm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pgtrickle.dvm.catalog.VectorSupport;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PostgreSQL's own output columns (from a temporary view) against the analysis. */
@PgTest
class OutputCrossCheckTest {
  private static boolean vector;

  @BeforeAll
  static void schema(TestDatabase db) throws Exception {
    vector = VectorSupport.require(db);
    db.execute("CREATE TABLE s (id int PRIMARY KEY, g text, x int4, y int8, z numeric(10,2), f float8,"
        + " d date, j jsonb, v varchar(5)" + (vector ? ", e vector(3)" : "") + ")");
  }

  /** What the engine does: a temporary view, then its pg_attribute rows. */
  static List<PgOutputColumn> postgresColumns(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("DROP VIEW IF EXISTS pg_temp.pgt_probe");
      st.execute("CREATE TEMP VIEW pgt_probe AS " + sql);
    }
    List<PgOutputColumn> cols = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT attname, atttypid, atttypmod FROM pg_attribute"
        + " WHERE attrelid = 'pg_temp.pgt_probe'::regclass AND attnum > 0 ORDER BY attnum");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        cols.add(new PgOutputColumn(rs.getString(1), rs.getLong(2), rs.getInt(3)));
      }
    }
    return cols;
  }

  private static AnalysisResult check(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect()) {
      JdbcCatalogReader catalog = new JdbcCatalogReader(c);
      AnalysisResult analysed = new QueryAnalyzer().analyze(sql, catalog);
      assertEquals(AnalysisResult.Supported.class, analysed.getClass(), analysed.toString());
      return OutputCrossCheck.check(analysed, postgresColumns(c, sql), catalog);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT g, count(*) c, sum(x) sx, sum(y) sy, sum(z) sz, avg(x) ax, avg(f) af, min(v) mv, max(d) md FROM s GROUP BY g",
      "SELECT id, x * 2 a, z / 3 b, g || '!' c, upper(g) u, COALESCE(v, g) co, j ->> 'k' k, (j ->> 'n')::int n FROM s",
      "SELECT id, CASE WHEN x > 0 THEN 'p' ELSE 'n' END, x::text, d, f * 2 FROM s WHERE x > 1",
      "SELECT DISTINCT g FROM s",
      "SELECT g FROM s UNION SELECT v FROM s",
      "SELECT id, extract(year from d) y, extract(epoch from d) e FROM s", // numeric in both (ExtractAsNumeric)
  })
  void agreesWithPostgres(String sql, TestDatabase db) throws Exception {
    AnalysisResult r = check(db, sql);
    assertEquals(AnalysisResult.Supported.class, r.getClass(), r.toString());
  }

  @Test void vectorColumnsAgree(TestDatabase db) throws Exception {
    if (!vector) {
      return;
    }
    AnalysisResult r = check(db, "SELECT id, e, e <-> '[1,2,3]'::vector FROM s");
    assertEquals(AnalysisResult.Supported.class, r.getClass(), r.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      SELECT id, d + interval '1' day FROM s    | analysis disagrees with PostgreSQL on column 2 (?column?): analysed as date, PostgreSQL says timestamp
      """)
  void disagreementMeansFullRefresh(String sql, String reason, TestDatabase db) throws Exception {
    assertEquals(new AnalysisResult.Unsupported(reason), check(db, sql));
  }

  @Test void columnCountMismatch(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      JdbcCatalogReader catalog = new JdbcCatalogReader(c);
      AnalysisResult analysed = new QueryAnalyzer().analyze("SELECT id, g FROM s", catalog);
      assertEquals(new AnalysisResult.Unsupported("analysis disagrees with PostgreSQL on the number of columns: 2 vs 1"),
          OutputCrossCheck.check(analysed, postgresColumns(c, "SELECT id FROM s"), catalog));
      AnalysisResult unsupported = new AnalysisResult.Unsupported("LIMIT");
      assertSame(unsupported, OutputCrossCheck.check(unsupported, List.of(), catalog));
    }
  }
}
