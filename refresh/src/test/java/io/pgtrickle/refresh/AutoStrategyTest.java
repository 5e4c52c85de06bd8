package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * refresh_mode = auto on a differential stream table: a small change applies the delta, a change of
 * most of the source runs FULL with the reason in history (requested auto, executed full), and the
 * result equals the query either way.
 */
@PgTest
class AutoStrategyTest {

  @Test
  void aMassiveChangeRunsFullAndSaysWhy(TestDatabase db) throws Exception {
    String query = "SELECT id, v FROM au_src WHERE v % 2 = 0";
    try (Connection c = db.connect()) {
      Db.exec(c, "CREATE TABLE au_src (id int, v int)",
          "INSERT INTO au_src SELECT i, i FROM generate_series(1, 5000) i", "ANALYZE au_src");
      Ddl.run(c, Ddl.create("au_st", query));
      Db.exec(c, "UPDATE au_src SET v = v + 1 WHERE id <= 10");
      Ddl.run(c, Ddl.refresh("au_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM au_st", query);
      Db.exec(c, "UPDATE au_src SET v = v + 1 WHERE id <= 3000");
      Ddl.run(c, Ddl.refresh("au_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM au_st", query);
      List<List<String>> history = Db.rows(c, "SELECT requested_strategy, executed_strategy, note"
          + " FROM pgtrickle.pgt_refresh_history h JOIN pgtrickle.pgt_stream_tables s USING (pgt_id)"
          + " WHERE s.storage_name = 'au_st' AND h.initiator = 'refresh' ORDER BY history_id");
      assertEquals(List.of("auto", "differential"), history.get(0).subList(0, 2));
      assertEquals(List.of("auto", "full"), history.get(1).subList(0, 2));
      assertTrue(history.get(1).get(2).startsWith("auto: 6000 pending changes are "), history.toString());
    }
  }
}
