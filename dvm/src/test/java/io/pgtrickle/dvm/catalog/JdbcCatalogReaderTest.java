package io.pgtrickle.dvm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.dvm.analysis.AnalysisResult;
import io.pgtrickle.dvm.analysis.QueryAnalyzer;
import io.pgtrickle.dvm.calcite.PgNamedType;
import io.pgtrickle.dvm.calcite.PgTypeFactory;
import io.pgtrickle.dvm.calcite.PgTypeMapping;
import io.pgtrickle.dvm.catalog.jdbc.JdbcCatalogReader;
import io.pgtrickle.dvm.plan.PlanPrinter;
import io.pgtrickle.dvm.render.PgTypeNames;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC catalog reader against a real server, over every column type the analysis maps. */
@PgTest
class JdbcCatalogReaderTest {

  @BeforeAll
  static void schema(TestDatabase db) throws Exception {
    boolean vector = VectorSupport.require(db);
    db.execute(
        "CREATE TYPE mood AS ENUM ('sad', 'happy')",
        "CREATE DOMAIN posint AS integer CHECK (VALUE > 0)",
        "CREATE SCHEMA app",
        "CREATE TABLE app.\"Everything\" ("
            + " id bigint PRIMARY KEY, t text NOT NULL, v varchar(20), c char(3), n numeric(12,2), nu numeric,"
            + " i2 int2, i4 int4, f4 float4, f8 float8, b bool, d date, ts timestamp, tstz timestamptz,"
            + " iv interval, u uuid UNIQUE, by bytea, ai int4[], at text[], j json, jb jsonb, m mood, p posint"
            + (vector ? ", e vector(3)" : "") + ", code text, UNIQUE (code, i4))",
        "CREATE VIEW app.v_everything AS SELECT id, t FROM app.\"Everything\"",
        "CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.\"Everything\"",
        "CREATE FUNCTION app.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'",
        "CREATE FUNCTION app.dice() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 4'",
        "CREATE AGGREGATE app.my_sum(int) (sfunc = int4pl, stype = int)");
  }

  private static PgRelation everything(Connection c) {
    return new JdbcCatalogReader(c).relation(Optional.of("app"), "Everything").orElseThrow();
  }

  @Test void relationWithOidKindAndKeys(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      PgRelation r = everything(c);
      assertEquals("app", r.schema());
      assertEquals("Everything", r.name());
      assertEquals(PgRelation.RelationKind.TABLE, r.kind());
      assertTrue(r.oid() > 0);
      assertEquals(List.of("id"), r.primaryKey());
      assertTrue(r.uniqueKeys().contains(List.of("u")), r.uniqueKeys().toString());
      assertTrue(r.uniqueKeys().contains(List.of("code", "i4")), r.uniqueKeys().toString());
      assertEquals("\"app\".\"Everything\"", r.qualifiedName());
      JdbcCatalogReader reader = new JdbcCatalogReader(c);
      assertEquals(PgRelation.RelationKind.VIEW, reader.relation(Optional.of("app"), "v_everything").orElseThrow().kind());
      assertEquals(PgRelation.RelationKind.MATERIALIZED_VIEW, reader.relation(Optional.of("app"), "mv").orElseThrow().kind());
      assertTrue(reader.relation(Optional.of("app"), "everything").isEmpty(), "names are exact");
    }
  }

  @Test void columnsMapToCalciteTypesAndBack(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      PgRelation r = everything(c);
      PgTypeFactory f = new PgTypeFactory();
      StringBuilder mapped = new StringBuilder();
      for (PgColumn col : r.columns()) {
        mapped.append(col.name()).append('=')
            .append(PgTypeNames.of(PgTypeMapping.toRelType(f, col.type(), col.typmod(), !col.notNull()))).append(' ');
      }
      String expected = "id=bigint t=text v=varchar(20) c=char(3) n=numeric(12,2) nu=numeric i2=smallint"
          + " i4=integer f4=real f8=double precision b=boolean d=date ts=timestamp(6)"
          + " tstz=timestamp(6) with time zone iv=interval u=uuid by=bytea ai=integer[] at=text[]"
          + " j=\"json\" jb=\"jsonb\" m=\"mood\" p=integer"
          + (r.column("e").isPresent() ? " e=\"vector\"" : "") + " code=text ";
      assertEquals(expected, mapped.toString());
      assertTrue(r.column("t").orElseThrow().notNull());
      assertFalse(r.column("v").orElseThrow().notNull());
      assertEquals(24, r.column("v").orElseThrow().typmod());
      PgType p = r.column("p").orElseThrow().type();
      assertEquals(PgType.Kind.DOMAIN, p.kind());
      assertEquals("int4", p.baseType().orElseThrow().name());
      PgType ai = r.column("ai").orElseThrow().type();
      assertTrue(ai.isArray());
      assertEquals("int4", ai.element().orElseThrow().name());
      assertEquals(PgType.Kind.ENUM, r.column("m").orElseThrow().type().kind());
      r.column("e").ifPresent(e -> assertTrue(PgNamedType.is(PgTypeMapping.toRelType(f, e.type(), e.typmod(), true))));
    }
  }

  @Test void functionsWithVolatility(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      JdbcCatalogReader reader = new JdbcCatalogReader(c);
      assertEquals(Volatility.VOLATILE, reader.functions("random").get(0).volatility());
      assertEquals(Volatility.VOLATILE, reader.functions("clock_timestamp").get(0).volatility());
      assertEquals(Volatility.STABLE, reader.functions("now").get(0).volatility());
      assertTrue(reader.functions("upper").stream().allMatch(fn -> fn.volatility() == Volatility.IMMUTABLE));
      assertTrue(reader.functions("generate_series").stream().allMatch(PgFunction::returnsSet));
      assertTrue(reader.functions("twice").isEmpty(), "app is not on the search path");
      c.createStatement().execute("SET search_path = app, public");
      assertEquals(Volatility.IMMUTABLE, reader.functions("twice").get(0).volatility());
      assertEquals(List.of("app", "public"), reader.searchPath());
      assertEquals("Everything", reader.relation(Optional.empty(), "Everything").orElseThrow().name());
      assertEquals("mood", reader.type(Optional.empty(), "mood").orElseThrow().name());
    }
  }

  @Test void analysisOverTheLiveCatalog(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      c.createStatement().execute("SET search_path = app, public");
      JdbcCatalogReader reader = new JdbcCatalogReader(c);
      AnalysisResult r = new QueryAnalyzer().analyze(
          "SELECT t, twice(i4), m FROM \"Everything\" WHERE m = 'happy' AND p > 1 AND jb ->> 'k' = 'v'", reader);
      assertTrue(r.isSupported(), r.toString());
      String tree = PlanPrinter.print(((AnalysisResult.Supported) r).root());
      assertTrue(tree.contains("Scan \"app\".\"Everything\""), tree);
      AnalysisResult agg = new QueryAnalyzer().analyze(
          "SELECT t, my_sum(i4) FILTER (WHERE b) FROM \"Everything\" GROUP BY t", reader);
      assertTrue(agg.isSupported(), agg.toString());
      assertTrue(PlanPrinter.print(((AnalysisResult.Supported) agg).root()).contains("my_sum($1) FILTER (WHERE $2)"),
          PlanPrinter.print(((AnalysisResult.Supported) agg).root()));
      assertEquals(new AnalysisResult.Unsupported("volatile function dice()"),
          new QueryAnalyzer().analyze("SELECT dice() FROM \"Everything\"", reader));
      assertEquals(new AnalysisResult.Unsupported("volatile function clock_timestamp()"),
          new QueryAnalyzer().analyze("SELECT clock_timestamp() FROM \"Everything\"", reader));
    }
  }
}
