package io.pgtrickle.dvm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.dvm.catalog.VectorSupport;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.ScalarExpression;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rendered expressions run on PostgreSQL and give exactly what the original SQL gives: same values,
 * same result type. Each case analyses {@code SELECT <expr> FROM t} (or {@code WHERE <predicate>}),
 * renders the analysed expression over the scan's column names and compares row by row.
 */
@PgTest
class RenderedExpressionRoundTripTest {
  private static boolean vector;

  @BeforeAll
  static void data(TestDatabase db) throws Exception {
    vector = VectorSupport.require(db);
    db.execute(
        "CREATE TABLE t (id int PRIMARY KEY, qty int8, n int4, amount numeric(12,2), price numeric, f float8,"
            + " name text, note varchar(20), d date, ts timestamp, tstz timestamptz, attrs jsonb"
            + (vector ? ", e vector(3)" : "") + ")",
        "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'",
        "CREATE FUNCTION \"Shout\"(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT upper(s) || '!'$$",
        "INSERT INTO t VALUES"
            + " (1, 10, 3, 12.50, 1.125, 2.5, 'Alice', 'vip', '2024-01-31', '2024-01-31 10:00', '2024-01-31 10:00+00', '{\"size\": \"3\", \"a\": 1}'" + (vector ? ", '[1,2,3]'" : "") + "),"
            + " (2, NULL, -7, NULL, 10, NULL, 'bob', NULL, '2024-02-29', NULL, NULL, '{\"size\": \"10\"}'" + (vector ? ", '[0,0,1]'" : "") + "),"
            + " (3, 0, 0, 0.01, NULL, -1.25, NULL, 'x''y', NULL, '2023-12-31 23:59:59', '2023-12-31 23:59:59+02', NULL" + (vector ? ", NULL" : "") + "),"
            + " (4, 5, 2, 99999.99, 3.333333333, 1e10, ' Bob ', 'Ünïcode', '2000-02-29', '2000-02-29 00:00', '2000-02-29 12:00+05', '{}'" + (vector ? ", '[3,2,1]'" : "") + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // casts, PostgreSQL's :: with its precedence
      "amount::int", "qty::text", "'12'::int + n", "n::numeric(10,3) / 7", "d::timestamp", "ts::date",
      "tstz::timestamptz", "name::varchar(3)", "price::float8", "cast(qty as int4) * 2", "-n::int",
      "qty = n::int8", "f::numeric(20,4)",
      // CASE, COALESCE, NULLIF, GREATEST/LEAST (NULLs ignored as in PostgreSQL)
      "CASE WHEN amount > 10 THEN 'big' WHEN amount > 0 THEN 'small' ELSE 'none' END",
      "CASE n WHEN 3 THEN 'three' WHEN 0 THEN 'zero' END", "COALESCE(note, name, 'none')",
      "COALESCE(amount, 0) + 1", "NULLIF(n, 0)", "greatest(qty, n)", "least(qty, n, 1)",
      // strings
      "upper(name)", "lower(name) || '-' || note", "length(name)", "substring(name from 2 for 2)",
      "position('b' in name)", "trim(name)", "name || n", "name ILIKE 'b%'", "name NOT ILIKE '%o%'",
      "name LIKE '_o%'", "name ~ '^[A-Z]'", "note IS DISTINCT FROM 'vip'", "name IS NOT DISTINCT FROM note",
      "replace(name, 'o', '0')", "left(name, 2)", "char_length(note)",
      // dates and times
      "d - interval '30' day", "d + interval '1' month", "ts + interval '2' hour", "extract(year from d)",
      "extract(month from ts)", "ts - '1 day 2 hours'::interval", "tstz + '90 minutes'::interval",
      "d + '1 mon'::interval", "tstz - interval '1' day", "d > date '2024-01-01'",
      // numbers
      "amount / 3", "qty / 3", "n / 2", "amount / NULLIF(qty, 0)", "price / 3", "n % 2", "f / 3", "amount * qty",
      "abs(n)", "round(amount, 1)", "floor(f)", "ceil(price)", "power(n, 2)", "mod(n, 3)", "sqrt(abs(f))",
      "n BETWEEN 0 AND 3", "n IN (1, 2, 3)", "n NOT IN (0, -7)",
      // functions known only from pg_proc (user functions, mixed-case names)
      "twice(n) + 1", "\"Shout\"(name)", "twice(twice(n))",
      // jsonb
      "attrs ->> 'size'", "(attrs ->> 'size')::int + 1", "attrs -> 'a'", "attrs @> '{\"a\": 1}'::jsonb",
  })
  void selectExpression(String expression, TestDatabase db) throws Exception {
    roundTrip(db, expression);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "e <-> '[1,2,3]'::vector", "e <=> '[1,1,1]'::vector", "e <#> '[1,0,0]'::vector",
      "e <-> '[1,2,3]'::vector < 2.5", "(e <-> '[0,0,0]') + 1", "e::text",
  })
  void vectorExpression(String expression, TestDatabase db) throws Exception {
    assumeTrue(vector, "pgvector not installed (CI fails instead, see VectorSupport)");
    roundTrip(db, expression);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "amount > 10 AND name IS NOT NULL", "n = qty::int", "name ILIKE '%b%' OR note IS NULL",
      "COALESCE(qty, 0) > n", "d BETWEEN date '2024-01-01' AND date '2024-12-31'",
      "(attrs ->> 'size')::int > 3", "amount / 3 > 4", "NOT (n IN (0, 3))", "greatest(qty, n) > 4",
  })
  void wherePredicate(String predicate, TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      AnalysisResult r = new QueryAnalyzer().analyze("SELECT id FROM t WHERE " + predicate, new JdbcCatalogReader(c));
      assertTrue(r.isSupported(), r.toString());
      Filter filter = find(((AnalysisResult.Supported) r).root(), Filter.class);
      Scan scan = (Scan) filter.input();
      String rendered = render(filter.condition(), scan);
      assertEquals(rows(c, "SELECT id FROM t WHERE " + predicate + " ORDER BY id"),
          rows(c, "SELECT id FROM t WHERE " + rendered + " ORDER BY id"), rendered);
    }
  }

  private static void roundTrip(TestDatabase db, String expression) throws Exception {
    try (Connection c = db.connect()) {
      AnalysisResult r = new QueryAnalyzer().analyze("SELECT " + expression + " AS v FROM t", new JdbcCatalogReader(c));
      assertTrue(r.isSupported(), r.toString());
      Project project = find(((AnalysisResult.Supported) r).root(), Project.class);
      String rendered = render(project.projections().get(0), (Scan) project.input());
      assertEquals(rows(c, "SELECT id, " + expression + " FROM t ORDER BY id"),
          rows(c, "SELECT id, " + rendered + " FROM t ORDER BY id"), rendered);
    }
  }

  private static String render(ScalarExpression e, Scan scan) {
    return e.toSql(i -> PgIdentifiers.quote(scan.referenced().get(i).name()));
  }

  private static <T> T find(PlanNode root, Class<T> type) {
    return root.descendantsAndSelf().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  /** Every row as text, with the second column's PostgreSQL type name. */
  private static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      String type = n > 1 ? rs.getMetaData().getColumnTypeName(2) : "";
      while (rs.next()) {
        StringBuilder row = new StringBuilder(type);
        for (int i = 1; i <= n; i++) {
          row.append('|').append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
