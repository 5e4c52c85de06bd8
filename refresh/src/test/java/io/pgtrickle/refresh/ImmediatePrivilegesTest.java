package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.refresh.catalog.CatalogMigrator;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * IMMEDIATE maintenance runs as the role that set it up: a role allowed to write one source (and
 * nothing else) has its writes maintained, yet may not write the stream table, call the maintenance
 * function, touch the lock row or write the session buffers the triggers fill. The generated functions
 * are SECURITY DEFINER with {@code pg_temp} last on a pinned search path, and PUBLIC may not call them.
 */
@PgTest
class ImmediatePrivilegesTest {

  /** {@code FROM …} the generated functions of the stream tables in {@code schema}, as {@code p}. */
  private static String functionsOf(String schema) {
    return "FROM pg_proc p JOIN pgtrickle.pgt_stream_tables st"
        + " ON p.proname ~ ('^__pgt_imm_(before|maintain|after)_' || st.pgt_id || '(_[0-9]+)?$')"
        + " WHERE p.pronamespace = 'pgtrickle'::regnamespace AND st.storage_schema = '" + schema + "'";
  }

  @Test
  void aWriterWithoutPrivilegesOnTheStreamTableIsMaintainedButCannotTamper(TestDatabase db)
      throws Exception {
    String writer = "pgt_imm_writer_" + db.name();
    long seed = Long.getLong("pgtrickle.seed", System.nanoTime());
    System.out.println("ImmediatePrivilegesTest seed " + seed);
    Random random = new Random(seed);
    try (Connection c = db.connect()) {
      ImmediateModeTest.schema(c, "imm_priv");
      ImmediateModeTest.createAll(c);
      Jdbc.exec(c, "DROP ROLE IF EXISTS " + writer, "CREATE ROLE " + writer + " NOLOGIN",
          "GRANT USAGE ON SCHEMA imm_priv TO " + writer,
          "GRANT SELECT, INSERT, UPDATE, DELETE ON imm_orders TO " + writer);
      String maintain = Jdbc.text(c, "SELECT p.oid::regprocedure::text " + functionsOf("imm_priv")
          + " AND p.proname ~ '^__pgt_imm_maintain_' LIMIT 1");
      try {
        Jdbc.exec(c, "SET ROLE " + writer);
        for (int i = 0; i < 40; i++) {
          Jdbc.exec(c, ordersOnly(random, i));
        }
        Jdbc.fails("42501", () -> Jdbc.exec(c, "INSERT INTO imm_join VALUES (1, 1, 'x', 1)"));
        Jdbc.fails("42501", () -> Jdbc.exec(c, "SELECT " + maintain));
        Jdbc.fails("42501", () -> Jdbc.exec(c, "UPDATE pgtrickle.pgt_immediate SET maintenance_count = 0"));
        Jdbc.fails("42501", () -> Jdbc.exec(c, "SELECT count(*) FROM imm_customers"));
        String buffer = Jdbc.text(c, "SELECT 'pg_temp.' || quote_ident(relname) FROM pg_class"
            + " WHERE relpersistence = 't' AND relname ~ '^__pgt_imm_' AND relkind = 'r'"
            + " AND relnamespace = pg_my_temp_schema() LIMIT 1");
        assertTrue(buffer != null, "the triggers buffered the writer's changes in this session");
        Jdbc.fails("42501", () -> Jdbc.exec(c, "INSERT INTO " + buffer + " DEFAULT VALUES"));
        Jdbc.exec(c, "RESET ROLE");
        check(c);

        List<List<String>> functions = Jdbc.rows(c, "SELECT p.prosecdef::text,"
            + " array_to_string(p.proconfig, ';'), has_function_privilege('public', p.oid, 'EXECUTE')::text"
            + " " + functionsOf("imm_priv"));
        assertEquals(10, functions.size(), functions::toString); // 3 stream tables, 4 sources
        for (List<String> f : functions) {
          assertEquals("true", f.get(0), "SECURITY DEFINER: " + f);
          assertTrue(f.get(1).contains("search_path=imm_priv, public, pg_temp"), f::toString);
          assertEquals("false", f.get(2), "PUBLIC may not call it: " + f);
        }
        assertEquals("false", Jdbc.text(c, "SELECT has_table_privilege('public', 'pgtrickle.pgt_immediate',"
            + " 'UPDATE')::text"));
      } finally {
        Jdbc.exec(c, "RESET ROLE", "DROP OWNED BY " + writer, "DROP ROLE " + writer);
      }
    }
  }

  /**
   * Catalog version 11 converts the functions an older version installed (SECURITY INVOKER, no pinned
   * path, callable by PUBLIC) and takes UPDATE on the lock rows from PUBLIC; the stream tables stay
   * exact under writes after the upgrade.
   */
  @Test
  void version11ConvertsTheFunctionsOfAnOlderCatalog(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      ImmediateModeTest.schema(c, "imm_upgrade");
      ImmediateModeTest.createAll(c);
      String functions = functionsOf("imm_upgrade");
      for (List<String> f : Jdbc.rows(c, "SELECT p.oid::regprocedure::text " + functions)) {
        Jdbc.exec(c, "ALTER FUNCTION " + f.get(0) + " SECURITY INVOKER RESET search_path",
            "GRANT EXECUTE ON FUNCTION " + f.get(0) + " TO PUBLIC");
      }
      Jdbc.exec(c, "GRANT UPDATE ON pgtrickle.pgt_immediate TO PUBLIC",
          "DELETE FROM pgtrickle.schema_version WHERE version = 11");
      assertEquals(10, CatalogMigrator.installedVersion(c));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) " + functions + " AND p.prosecdef"));

      c.setAutoCommit(false);
      assertEquals(1, CatalogMigrator.migrate(c));
      c.commit();
      c.setAutoCommit(true);

      assertEquals(0, Jdbc.count(c, "SELECT count(*) " + functions + " AND (NOT p.prosecdef"
          + " OR NOT array_to_string(p.proconfig, ';') ~ 'search_path=imm_upgrade, public, pg_temp'"
          + " OR has_function_privilege('public', p.oid, 'EXECUTE'))"));
      assertEquals("false", Jdbc.text(c, "SELECT has_table_privilege('public', 'pgtrickle.pgt_immediate',"
          + " 'UPDATE')::text"));
      Random random = new Random(11);
      for (int i = 0; i < 30; i++) {
        Jdbc.exec(c, ImmediateModeTest.randomStatement(random));
      }
      check(c);
    }
  }

  /** The multiset oracle on the three stream tables, and no maintenance recomputed. */
  private static void check(Connection c) throws Exception {
    c.setAutoCommit(false);
    ImmediateModeTest.checkAll(c);
    ImmediateModeTest.assertMaintainedWithoutMisfits(c);
    c.commit();
    c.setAutoCommit(true);
  }

  /** Random writes to {@code imm_orders} only (the writer may write nothing else), NULLs included. */
  private static String ordersOnly(Random r, int i) {
    int id = r.nextInt(80) + 1;
    String cust = r.nextInt(6) == 0 ? "NULL" : String.valueOf(r.nextInt(13));
    String amount = r.nextInt(6) == 0 ? "NULL" : String.valueOf(r.nextInt(5));
    return switch (i % 4) {
      case 0 -> "INSERT INTO imm_orders VALUES (" + (1000 + i) + ", " + cust + ", " + amount + ")";
      case 1 -> "UPDATE imm_orders SET amount = " + amount + " WHERE id % 7 = " + r.nextInt(7);
      case 2 -> "UPDATE imm_orders SET cust = " + cust + " WHERE id = " + id;
      default -> "DELETE FROM imm_orders WHERE id = " + id;
    };
  }
}
