package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * The no-change fast path of a differential refresh (diff.ChangeProbe): when no source buffer has a
 * row in the window, the frontier moves to S₁ and nothing else happens — and nothing is lost by it:
 * a writer still in progress during such a refresh is picked up by the next one, a TRUNCATE (a
 * marker row, no changes) is not mistaken for "no change".
 */
@PgTest
class NoChangeRefreshTest {

  private static final String QUERY = "SELECT id, v FROM quiet_src WHERE id > 0";

  @Test
  void aRefreshWithoutChangesAdvancesTheFrontierAndMissesNoLateWriter(TestDatabase db)
      throws Exception {
    try (Connection c = db.connect(); Connection writer = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE quiet_src (id int, v text)",
          "INSERT INTO quiet_src VALUES (1, 'a'), (2, 'b'), (2, 'b')");
      Ddl.run(c, Ddl.create("quiet_st", QUERY, Ddl.opt("refresh_mode", "differential")));
      String frontier = frontier(c);

      writer.setAutoCommit(false);
      Jdbc.exec(writer, "INSERT INTO quiet_src VALUES (3, 'c'), (2, 'b')", "DELETE FROM quiet_src WHERE id = 1");
      Jdbc.exec(c, "SELECT txid_current()"); // another transaction commits: S₁ moves on
      Ddl.run(c, Ddl.refresh("quiet_st"));
      assertNotEquals(frontier, frontier(c), "the frontier must advance");
      assertEquals("0", lastHistory(c, "delta_rows"));
      assertEquals("differential", lastHistory(c, "executed_strategy"));
      assertEquals(3, Jdbc.count(c, "SELECT count(*) FROM quiet_st"));

      writer.commit();
      Ddl.run(c, Ddl.refresh("quiet_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM quiet_st", QUERY);
      assertEquals(3, Jdbc.count(c, "SELECT count(*) FROM quiet_st WHERE id = 2"));
      assertNotEquals("0", lastHistory(c, "delta_rows"));

      Ddl.run(c, Ddl.refresh("quiet_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM quiet_st", QUERY);
      assertEquals("0", lastHistory(c, "delta_rows"));
    }
  }

  @Test
  void aTruncateAloneIsAChange(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE trunc_src (id int, v text)", "INSERT INTO trunc_src VALUES (1, 'a')");
      Ddl.run(c, Ddl.create("trunc_st", "SELECT id, v FROM trunc_src",
          Ddl.opt("refresh_mode", "differential")));
      Jdbc.exec(c, "TRUNCATE trunc_src");
      Ddl.run(c, Ddl.refresh("trunc_st"));
      assertEquals(0, Jdbc.count(c, "SELECT count(*) FROM trunc_st"));
      MultisetOracle.assertSameRows(c, "SELECT id, v FROM trunc_st", "SELECT id, v FROM trunc_src");
    }
  }

  private static String frontier(Connection c) throws Exception {
    return Jdbc.text(c, "SELECT frontier::text FROM pgtrickle.pgt_stream_tables"
        + " WHERE storage_name = 'quiet_st'");
  }

  private static String lastHistory(Connection c, String column) throws Exception {
    return Jdbc.text(c, "SELECT h." + column + "::text FROM pgtrickle.pgt_refresh_history h"
        + " JOIN pgtrickle.pgt_stream_tables s USING (pgt_id) WHERE s.storage_name = 'quiet_st'"
        + " ORDER BY h.history_id DESC LIMIT 1");
  }
}
