package io.pgtrickle.jdbc.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.jdbc.sql.StatementSplitter;
import io.pgtrickle.refresh.api.AlterStreamTable;
import io.pgtrickle.refresh.api.CreateStreamTable;
import io.pgtrickle.refresh.api.DropStreamTables;
import io.pgtrickle.refresh.api.OptionSetting;
import io.pgtrickle.refresh.api.QualifiedName;
import io.pgtrickle.refresh.api.RefreshStreamTable;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlParserTest {

  static ParsedDdl parse(String sql) throws SQLException {
    return DdlParser.parse(StatementSplitter.split(sql, true).get(0), true);
  }

  static CreateStreamTable create(String sql) throws SQLException {
    ParsedDdl parsed = parse(sql);
    return (CreateStreamTable) assertInstanceOf(ParsedDdl.StreamDdl.class, parsed, sql).command();
  }

  static SQLException error(String sql, String sqlState) {
    SQLException e = assertThrows(SQLException.class, () -> parse(sql), sql);
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    return e;
  }

  static void notOurs(String sql) throws SQLException {
    assertSame(ParsedDdl.NotStreamDdl.INSTANCE, parse(sql), sql);
  }

  // ---------------------------------------------------------------- CREATE

  @Test
  void minimalStreamTable() throws SQLException {
    CreateStreamTable c =
        create("CREATE MATERIALIZED VIEW order_totals WITH (pgtrickle.stream = true) AS SELECT 1");
    assertEquals(QualifiedName.unqualified("order_totals"), c.name());
    assertFalse(c.ifNotExists());
    assertEquals(List.of(), c.columnNames());
    assertEquals(List.of(), c.pgtrickleOptions());
    assertEquals(List.of(), c.storageParameters());
    assertEquals("SELECT 1", c.query());
    assertTrue(c.withData());
  }

  @Test
  void everyClause() throws SQLException {
    String sql =
        "/* migration V2 */ -- stream\n create materialized view if not exists Sales.\"Daily Totals\" (Day, \"Total\")\n"
            + "  WITH (fillfactor = 70, PGTRICKLE.STREAM = 'on', pgtrickle.Refresh_Mode = FULL,"
            + " pgtrickle.schedule = '5m', pgtrickle.append_only, toast.autovacuum_enabled = false)\n"
            + "  AS\n  SELECT day, sum(amount) FROM sales GROUP BY day -- per day\n  WITH NO DATA";
    CreateStreamTable c = create(sql);
    assertEquals(QualifiedName.of("sales", "Daily Totals"), c.name());
    assertTrue(c.ifNotExists());
    assertEquals(List.of("day", "Total"), c.columnNames());
    assertEquals(
        List.of(
            new OptionSetting("refresh_mode", "full", "FULL"),
            new OptionSetting("schedule", "5m", "'5m'"),
            new OptionSetting("append_only", null, null)),
        c.pgtrickleOptions());
    assertEquals(
        List.of(
            new OptionSetting("fillfactor", "70", "70"),
            new OptionSetting("toast.autovacuum_enabled", "false", "false")),
        c.storageParameters());
    assertEquals("SELECT day, sum(amount) FROM sales GROUP BY day", c.query());
    assertFalse(c.withData());
    assertEquals(sql.strip(), c.originalSql());
  }

  @Test
  void queryIsExactSourceSubstring() throws SQLException {
    CreateStreamTable c =
        create(
            "CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS\n  SELECT  a, 'x;y' AS \"WITH\"\n"
                + "  FROM t /* keep */ WHERE b = $$data$$\n  WITH DATA;");
    assertEquals("SELECT  a, 'x;y' AS \"WITH\"\n  FROM t /* keep */ WHERE b = $$data$$", c.query());
    assertTrue(c.withData());
  }

  @Test
  void queryWithCteAndNestedWith() throws SQLException {
    CreateStreamTable c =
        create("create materialized view v with (pgtrickle.stream=1) as with x as (select 1) select * from x");
    assertEquals("with x as (select 1) select * from x", c.query());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "'true'", "on", "'ON'", "yes", "1", "'1'", "t", "y"})
  void trueValues(String value) throws SQLException {
    create("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = " + value + ") AS SELECT 1");
  }

  @Test
  void streamOptionWithoutValueIsTrue() throws SQLException {
    create("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "'off'", "no", "0", "OFF", "f"})
  void falseValuesMakeAPlainMaterializedView(String value) throws SQLException {
    ParsedDdl parsed =
        parse("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = " + value + ") AS SELECT 1");
    assertEquals(
        new ParsedDdl.PlainMaterializedView("CREATE MATERIALIZED VIEW v  AS SELECT 1"), parsed);
  }

  @Test
  void streamFalseIsCutOutOfALongerList() throws SQLException {
    assertEquals(
        new ParsedDdl.PlainMaterializedView(
            "CREATE MATERIALIZED VIEW v WITH (fillfactor=70, autovacuum_enabled = off) AS SELECT 1"),
        parse(
            "CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = false, fillfactor=70, autovacuum_enabled = off) AS SELECT 1"));
    assertEquals(
        new ParsedDdl.PlainMaterializedView("CREATE MATERIALIZED VIEW v WITH (fillfactor=70) AS SELECT 1"),
        parse("CREATE MATERIALIZED VIEW v WITH (fillfactor=70, pgtrickle.stream = false) AS SELECT 1"));
  }

  @Test
  void badBooleanIs22023() {
    SQLException e = error("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = maybe) AS SELECT 1", "22023");
    assertTrue(e.getMessage().contains("pgtrickle.stream"), e.getMessage());
  }

  @Test
  void otherPgtrickleOptionsWithStreamFalseAre22023NamingThem() {
    SQLException e =
        error(
            "CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = false, pgtrickle.refresh_mode = 'full',"
                + " pgtrickle.schedule = '1m') AS SELECT 1",
            "22023");
    assertTrue(e.getMessage().contains("pgtrickle.refresh_mode"), e.getMessage());
    assertTrue(e.getMessage().contains("pgtrickle.schedule"), e.getMessage());
  }

  @Test
  void pgtrickleOptionsWithoutStreamAre22023NamingThem() {
    SQLException e =
        error("CREATE MATERIALIZED VIEW v WITH (pgtrickle.refresh_mode = 'full') AS SELECT 1", "22023");
    assertTrue(e.getMessage().contains("pgtrickle.refresh_mode"), e.getMessage());
  }

  @Test
  void duplicateStreamOptionIs22023() {
    error("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream, pgtrickle.stream = false) AS SELECT 1", "22023");
  }

  @Test
  void usingAndTablespaceAre0A000ForStreamTables() {
    SQLException using =
        error("CREATE MATERIALIZED VIEW v USING heap WITH (pgtrickle.stream) AS SELECT 1", "0A000");
    assertTrue(using.getMessage().contains("USING"), using.getMessage());
    SQLException tablespace =
        error("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) TABLESPACE pg_default AS SELECT 1", "0A000");
    assertTrue(tablespace.getMessage().contains("TABLESPACE"), tablespace.getMessage());
  }

  @Test
  void plainMaterializedViewsAreNotOurs() throws SQLException {
    notOurs("CREATE MATERIALIZED VIEW v AS SELECT 1");
    notOurs("CREATE MATERIALIZED VIEW v WITH (fillfactor = 50) AS SELECT 1");
    notOurs("CREATE MATERIALIZED VIEW v USING heap TABLESPACE pg_default AS SELECT 1 WITH NO DATA");
    notOurs("CREATE MATERIALIZED VIEW v WITH (pgtrickle = true) AS SELECT 1");
    notOurs("CREATE MATERIALIZED VIEW v WITH (\"PgTrickle\".stream = true) AS SELECT 1");
  }

  @Test
  void otherStatementsAreNotOurs() throws SQLException {
    notOurs("CREATE VIEW v AS SELECT 'CREATE MATERIALIZED VIEW x WITH (pgtrickle.stream) AS SELECT 1'");
    notOurs("SELECT * FROM materialized");
    notOurs("CREATE TABLE materialized (view int)");
    notOurs("COMMENT ON MATERIALIZED VIEW v IS 'x'");
    notOurs("-- CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT 1");
  }

  @Test
  void malformedStreamDdlIsLeftToPostgreSQL() throws SQLException {
    notOurs("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = true AS SELECT 1");
    notOurs("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = true)");
    notOurs("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = true) AS WITH NO DATA");
    notOurs("CREATE MATERIALIZED VIEW a.b.c WITH (pgtrickle.stream = true) AS SELECT 1");
    notOurs("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT 'unterminated");
  }

  @Test
  void optionValueShapes() throws SQLException {
    CreateStreamTable c =
        create(
            "CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream, pgtrickle.schedule = 1h30m,"
                + " pgtrickle.reindex_drift_threshold = -0.25, pgtrickle.post_refresh_action = E'reindex\\x5fif_drift',"
                + " pgtrickle.cdc_mode = \"WAL\", pgtrickle.refresh_mode = $$differential$$,"
                + " pgtrickle.x = U&'d!0061ta' UESCAPE '!') AS SELECT 1");
    assertEquals(
        List.of(
            new OptionSetting("schedule", "1h30m", "1h30m"),
            new OptionSetting("reindex_drift_threshold", "-0.25", "-0.25"),
            new OptionSetting("post_refresh_action", "reindex_if_drift", "E'reindex\\x5fif_drift'"),
            new OptionSetting("cdc_mode", "WAL", "\"WAL\""),
            new OptionSetting("refresh_mode", "differential", "$$differential$$"),
            new OptionSetting("x", "data", "U&'d!0061ta' UESCAPE '!'")),
        c.pgtrickleOptions());
  }

  @Test
  void quotedOptionNamesAreLowerCased() throws SQLException {
    CreateStreamTable c =
        create("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream, pgtrickle.\"Refresh_Mode\" = 'full') AS SELECT 1");
    assertEquals("refresh_mode", c.pgtrickleOptions().get(0).name());
  }

  @Test
  void identifiersFoldAndTruncateLikePostgreSQL() throws SQLException {
    String longName = "x".repeat(70);
    CreateStreamTable c =
        create("CREATE MATERIALIZED VIEW " + longName + " WITH (pgtrickle.stream) AS SELECT 1");
    assertEquals("x".repeat(63), c.name().name());
    CreateStreamTable unicode =
        create("CREATE MATERIALIZED VIEW U&\"\\00e9t\\00E9\" WITH (pgtrickle.stream) AS SELECT 1");
    assertEquals("été", unicode.name().name());
    CreateStreamTable mixed = create("CREATE MATERIALIZED VIEW ÉtÉ WITH (pgtrickle.stream) AS SELECT 1");
    assertEquals("ÉtÉ", mixed.name().name());
  }

  @Test
  void ifAsAViewName() throws SQLException {
    assertEquals("if", create("CREATE MATERIALIZED VIEW if WITH (pgtrickle.stream) AS SELECT 1").name().name());
  }

  // ---------------------------------------------------------------- ALTER

  @Test
  void alterWithPgtrickleOptionsIsOurs() throws SQLException {
    ParsedDdl parsed =
        parse(
            "ALTER MATERIALIZED VIEW IF EXISTS s.v SET (pgtrickle.schedule = '10m', fillfactor = 80),"
                + " RESET (pgtrickle.cdc_mode, autovacuum_enabled)");
    AlterStreamTable a =
        (AlterStreamTable) assertInstanceOf(ParsedDdl.StreamDdl.class, parsed).command();
    assertEquals(QualifiedName.of("s", "v"), a.name());
    assertTrue(a.ifExists());
    assertEquals(List.of(new OptionSetting("schedule", "10m", "'10m'")), a.setOptions());
    assertEquals(List.of("cdc_mode"), a.resetOptions());
    assertEquals(List.of(new OptionSetting("fillfactor", "80", "80")), a.setStorage());
    assertEquals(List.of("autovacuum_enabled"), a.resetStorage());
  }

  @Test
  void alterWithoutPgtrickleOptionsDependsOnTheCatalog() throws SQLException {
    ParsedDdl parsed = parse("alter materialized view v set (fillfactor = 80)");
    ParsedDdl.StreamDdlIfStreamTable conditional =
        assertInstanceOf(ParsedDdl.StreamDdlIfStreamTable.class, parsed);
    assertEquals(List.of(QualifiedName.unqualified("v")), conditional.names());
    AlterStreamTable a = (AlterStreamTable) conditional.command();
    assertEquals(List.of(new OptionSetting("fillfactor", "80", "80")), a.setStorage());
  }

  @Test
  void otherAlterFormsAreUnsupportedOnStreamTables() throws SQLException {
    assertEquals(
        new ParsedDdl.UnsupportedOnStreamTable(QualifiedName.unqualified("v"), "RENAME"),
        parse("ALTER MATERIALIZED VIEW v RENAME TO w"));
    assertEquals(
        new ParsedDdl.UnsupportedOnStreamTable(QualifiedName.unqualified("v"), "RENAME COLUMN"),
        parse("ALTER MATERIALIZED VIEW v RENAME COLUMN a TO b"));
    assertEquals(
        new ParsedDdl.UnsupportedOnStreamTable(QualifiedName.unqualified("v"), "OWNER TO"),
        parse("ALTER MATERIALIZED VIEW IF EXISTS v OWNER TO bob"));
    assertEquals(
        new ParsedDdl.UnsupportedOnStreamTable(QualifiedName.unqualified("v"), "SET SCHEMA"),
        parse("ALTER MATERIALIZED VIEW v SET SCHEMA other"));
    assertEquals(
        new ParsedDdl.UnsupportedOnStreamTable(QualifiedName.unqualified("v"), "SET TABLESPACE"),
        parse("ALTER MATERIALIZED VIEW v SET (fillfactor = 1), SET TABLESPACE t"));
    assertEquals(
        new ParsedDdl.UnsupportedOnStreamTable(QualifiedName.unqualified("v"), "ALTER COLUMN"),
        parse("ALTER MATERIALIZED VIEW v ALTER COLUMN a SET STATISTICS 100"));
    notOurs("ALTER MATERIALIZED VIEW ALL IN TABLESPACE a SET TABLESPACE b");
  }

  @Test
  void mixingPgtrickleOptionsWithAnotherFormIs0A000() {
    SQLException e =
        error("ALTER MATERIALIZED VIEW v SET (pgtrickle.schedule = '1m'), OWNER TO bob", "0A000");
    assertTrue(e.getMessage().contains("OWNER TO"), e.getMessage());
  }

  // ---------------------------------------------------------------- REFRESH / DROP

  @Test
  void refresh() throws SQLException {
    ParsedDdl.StreamDdlIfStreamTable parsed =
        assertInstanceOf(
            ParsedDdl.StreamDdlIfStreamTable.class,
            parse("-- nightly\nREFRESH MATERIALIZED VIEW CONCURRENTLY \"S\".v WITH NO DATA"));
    assertEquals(
        new RefreshStreamTable(
            QualifiedName.of("S", "v"), true, false, "-- nightly\nREFRESH MATERIALIZED VIEW CONCURRENTLY \"S\".v WITH NO DATA"),
        parsed.command());
    RefreshStreamTable plain =
        (RefreshStreamTable)
            ((ParsedDdl.StreamDdlIfStreamTable) parse("refresh materialized view v")).command();
    assertFalse(plain.concurrently());
    assertTrue(plain.withData());
    notOurs("REFRESH MATERIALIZED VIEW v WITH");
    notOurs("REFRESH MATERIALIZED VIEW v, w");
  }

  @Test
  void drop() throws SQLException {
    ParsedDdl.StreamDdlIfStreamTable parsed =
        assertInstanceOf(
            ParsedDdl.StreamDdlIfStreamTable.class,
            parse("DROP MATERIALIZED VIEW IF EXISTS a, s.b, \"C\" CASCADE"));
    List<QualifiedName> names =
        List.of(QualifiedName.unqualified("a"), QualifiedName.of("s", "b"), QualifiedName.unqualified("C"));
    assertEquals(names, parsed.names());
    assertEquals(new DropStreamTables(names, true, true, "DROP MATERIALIZED VIEW IF EXISTS a, s.b, \"C\" CASCADE"),
        parsed.command());
    DropStreamTables restrict =
        (DropStreamTables) ((ParsedDdl.StreamDdlIfStreamTable) parse("drop materialized view x restrict")).command();
    assertFalse(restrict.cascade());
    assertFalse(restrict.ifExists());
    notOurs("DROP MATERIALIZED VIEW");
    notOurs("DROP MATERIALIZED VIEW a CASCADE RESTRICT");
  }

  @Test
  void statementsWithUnterminatedTokensAreNotOurs() throws SQLException {
    notOurs("DROP MATERIALIZED VIEW \"open");
  }

  @Test
  void isMaterializedViewDdl() {
    assertTrue(DdlParser.isMaterializedViewDdl(StatementSplitter.split("drop materialized view x", true).get(0)));
    assertFalse(DdlParser.isMaterializedViewDdl(StatementSplitter.split("drop view materialized", true).get(0)));
    assertNull(null);
  }
}
