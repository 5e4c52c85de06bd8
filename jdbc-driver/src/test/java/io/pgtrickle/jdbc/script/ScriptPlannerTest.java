package io.pgtrickle.jdbc.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Planning without a server: what is left alone, what may be routed, and the plan's facts. */
class ScriptPlannerTest {

  private static ScriptPlan plan(String sql) throws SQLException {
    return ScriptPlanner.plan(sql, true);
  }

  @Test
  void fastPathNeedsTheWordMaterialized() {
    assertFalse(MaterializedKeyword.mayAppearIn("SELECT * FROM orders"));
    assertFalse(MaterializedKeyword.mayAppearIn(""));
    assertFalse(MaterializedKeyword.mayAppearIn("materialize"));
    assertTrue(MaterializedKeyword.mayAppearIn("create MaTeRiAlIzEd view"));
    assertTrue(MaterializedKeyword.mayAppearIn("x materialized"));
  }

  @Test
  void ordinarySqlHasNoPlan() throws SQLException {
    assertNull(plan("SELECT 1"));
    assertNull(plan("SELECT 'CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT 1'"));
    assertNull(plan("-- DROP MATERIALIZED VIEW v\nSELECT 1"));
    assertNull(plan("CREATE MATERIALIZED VIEW v AS SELECT 1"));
    assertNull(plan("COMMENT ON MATERIALIZED VIEW v IS 'x'"));
    assertNull(null);
  }

  @Test
  void certainAndCatalogDependentPlans() throws SQLException {
    ScriptPlan create = plan("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT 1");
    assertTrue(create.alwaysRouted());
    assertFalse(create.dependsOnCatalog());
    ScriptPlan refresh = plan("SELECT 1; REFRESH MATERIALIZED VIEW v");
    assertFalse(refresh.alwaysRouted());
    assertTrue(refresh.dependsOnCatalog());
    assertTrue(plan("ALTER MATERIALIZED VIEW v RENAME TO w").dependsOnCatalog());
    assertEquals(2, refresh.sentStatementCount());
  }

  @Test
  void streamFalseIsRewrittenOnly() throws SQLException {
    ScriptPlan plan = plan("SELECT 1; CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream = off) AS SELECT 2;");
    assertNotNull(plan);
    assertFalse(plan.alwaysRouted());
    assertFalse(plan.dependsOnCatalog());
    assertEquals("SELECT 1; CREATE MATERIALIZED VIEW v  AS SELECT 2;", plan.passThroughSql());
    ScriptPlan untouched = plan("REFRESH MATERIALIZED VIEW v");
    assertEquals("REFRESH MATERIALIZED VIEW v", untouched.passThroughSql());
  }

  @Test
  void placeholders() throws SQLException {
    assertEquals(
        2,
        plan("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT ? , j ?? 'k', '?' FROM t WHERE x = ?")
            .placeholderCount());
    assertEquals(0, plan("CREATE MATERIALIZED VIEW v WITH (pgtrickle.stream) AS SELECT '?' /* ? */").placeholderCount());
  }

  @Test
  void transactionControl() throws SQLException {
    assertTrue(plan("BEGIN; REFRESH MATERIALIZED VIEW v; COMMIT").hasTransactionControl());
    assertTrue(plan("REFRESH MATERIALIZED VIEW v; PREPARE TRANSACTION 'x'").hasTransactionControl());
    assertFalse(plan("PREPARE q AS SELECT 1; REFRESH MATERIALIZED VIEW v").hasTransactionControl());
  }

  @Test
  void invalidStreamDdlFailsAtPlanning() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> plan("SELECT 1; CREATE MATERIALIZED VIEW v WITH (pgtrickle.cdc_mode = 'wal') AS SELECT 1"));
    assertEquals("22023", e.getSQLState());
  }
}
