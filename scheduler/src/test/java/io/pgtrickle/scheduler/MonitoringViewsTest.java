package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The monitoring views and functions of catalog V3 on a small cascade. */
@PgTest
class MonitoringViewsTest {

  @Test
  void dependencyTreeStatsAndBuffers(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE mv_orders (id int, paid boolean, amount int)",
          "INSERT INTO mv_orders SELECT i, i % 2 = 0, i FROM generate_series(1, 20) i");
      Sql.create(c, "mv_paid", "SELECT id, amount FROM mv_orders WHERE paid");
      Sql.create(c, "mv_total", "SELECT sum(amount) AS total FROM mv_paid");
      Sql.create(c, "mv_count", "SELECT count(*) AS n FROM mv_paid", Sql.opt("schedule", "1h"));
      assertEquals("public.mv_count | 0 | public.mv_count\n"
              + "public.mv_count | 1 |   public.mv_paid\n"
              + "public.mv_total | 0 | public.mv_total\n"
              + "public.mv_total | 1 |   public.mv_paid",
          Jdbc.text(c, "SELECT string_agg(root || ' | ' || depth || ' | ' || tree, E'\\n' ORDER BY root, path)"
              + " FROM pgtrickle.pgt_dependency_tree"));
      assertEquals("public.mv_orders", Jdbc.text(c, "SELECT base_sources FROM pgtrickle.pgt_dependency_tree"
          + " WHERE name = 'public.mv_paid' LIMIT 1"));
      Jdbc.exec(c, "INSERT INTO mv_orders VALUES (21, true, 5), (22, false, 7)");
      assertEquals("mv_orders 2 1|mv_paid 0 2", Jdbc.text(c, "SELECT string_agg(regexp_replace(source_name,"
          + " '^public\\.', '') || ' ' || pending_rows || ' ' || consumers, '|' ORDER BY source_name)"
          + " FROM pgtrickle.change_buffer_sizes()"));
      Sql.refresh(c, "mv_paid");
      Sql.refresh(c, "mv_paid");
      assertEquals("3 0 1 2", Jdbc.text(c, "SELECT refreshes || ' ' || failures || ' ' || full_refreshes"
          + " || ' ' || differential_refreshes FROM pgtrickle.pgt_refresh_stats WHERE name = 'public.mv_paid'"));
      assertEquals("false", Jdbc.text(c, "SELECT stale FROM pgtrickle.pgt_refresh_stats WHERE name = 'public.mv_count'"));
      assertEquals(null, Jdbc.scalar(c, "SELECT stale FROM pgtrickle.pgt_refresh_stats WHERE name = 'public.mv_paid'"));
      // buffer_growth, error_tables, scheduler_running (a schedule but no instance), stale, suspended
      assertEquals("OK OK ERROR OK OK", Jdbc.text(c, "SELECT string_agg(severity, ' ' ORDER BY"
          + " check_name) FROM pgtrickle.pgt_health"));
    }
  }
}
