package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.spi.cdc.ChangeWindow;
import io.pgtrickle.spi.cdc.PgSnapshot;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PgSnapshot} and the SQL of {@link ChangeWindow} agree with the server's snapshot functions. */
@PgTest
class SnapshotSemanticsTest {

  @Test
  void parsesAndPrintsTheServerFormat() {
    PgSnapshot s = PgSnapshot.parse("748:752:748,750");
    assertEquals(748, s.xmin());
    assertEquals(752, s.xmax());
    assertEquals(List.of(748L, 750L), s.inProgress());
    assertEquals("748:752:748,750", s.text());
    assertEquals("'748:752:748,750'::pg_snapshot", s.toSqlLiteral());
    assertEquals("10:10:", PgSnapshot.parse("10:10:").text());
    for (String bad : List.of("", "1:2", "5:4:", "1:9:3,2", "1:9:9", "1:9:x", "1:9:2;drop")) {
      assertThrows(IllegalArgumentException.class, () -> PgSnapshot.parse(bad), bad);
    }
  }

  @Test
  void visibilityMatchesPgVisibleInSnapshot(TestDatabase db) throws SQLException {
    Random random = new Random(42);
    try (Connection c = db.connect()) {
      for (int i = 0; i < 50; i++) {
        long xmin = 3 + random.nextInt(1000);
        long xmax = xmin + random.nextInt(20);
        List<Long> xip = new ArrayList<>();
        for (long x = xmin; x < xmax; x++) {
          if (random.nextBoolean()) {
            xip.add(x);
          }
        }
        PgSnapshot snapshot = new PgSnapshot(xmin, xmax, xip);
        StringBuilder expected = new StringBuilder();
        StringBuilder sql = new StringBuilder("SELECT string_agg(CASE WHEN pg_visible_in_snapshot(x::text::xid8, ")
            .append(snapshot.toSqlLiteral()).append(") THEN 't' ELSE 'f' END, '' ORDER BY x) FROM generate_series(")
            .append(xmin - 2).append(", ").append(xmax + 2).append(") x");
        for (long x = xmin - 2; x <= xmax + 2; x++) {
          expected.append(snapshot.isVisible(x) ? 't' : 'f');
        }
        assertEquals(expected.toString(), Db.scalar(c, sql.toString()), snapshot.toString());
      }
    }
  }

  @Test
  void prunablePredicateIsVisibleInEveryFrontier(TestDatabase db) throws SQLException {
    Random random = new Random(7);
    try (Connection c = db.connect()) {
      for (int i = 0; i < 30; i++) {
        List<PgSnapshot> frontiers = new ArrayList<>();
        for (int f = 0; f < 1 + random.nextInt(3); f++) {
          long xmin = 100 + random.nextInt(10);
          long xmax = xmin + random.nextInt(10);
          List<Long> xip = new ArrayList<>();
          for (long x = xmin; x < xmax; x++) {
            if (random.nextInt(3) == 0) {
              xip.add(x);
            }
          }
          frontiers.add(new PgSnapshot(xmin, xmax, xip));
        }
        StringBuilder expected = new StringBuilder();
        for (long x = 95; x <= 125; x++) {
          boolean all = true;
          for (PgSnapshot f : frontiers) {
            all &= f.isVisible(x);
          }
          expected.append(all ? 't' : 'f');
        }
        String sql =
            "SELECT string_agg(CASE WHEN " + ChangeWindow.prunablePredicate("b", frontiers)
                + " THEN 't' ELSE 'f' END, '' ORDER BY x) FROM generate_series(95, 125) x,"
                + " LATERAL (SELECT x::text::xid8 AS __pgt_xid) b";
        assertEquals(expected.toString(), Db.scalar(c, sql), frontiers.toString());
      }
      assertEquals("false", ChangeWindow.prunablePredicate("b", List.of()));
    }
  }

  @Test
  void windowPredicateIsTheSetDifferenceOfVisibility(TestDatabase db) throws SQLException {
    PgSnapshot s0 = PgSnapshot.parse("100:105:100,103");
    PgSnapshot s1 = PgSnapshot.parse("103:110:103,107");
    ChangeWindow window = ChangeWindow.between(s0, s1);
    StringBuilder expected = new StringBuilder();
    for (long x = 95; x <= 112; x++) {
      expected.append(s1.isVisible(x) && !s0.isVisible(x) ? 't' : 'f');
    }
    try (Connection c = db.connect()) {
      String sql =
          "SELECT string_agg(CASE WHEN " + window.predicate("b") + " THEN 't' ELSE 'f' END, ''"
              + " ORDER BY x) FROM generate_series(95, 112) x, LATERAL (SELECT x::text::xid8 AS __pgt_xid) b";
      assertEquals(expected.toString(), Db.scalar(c, sql));
    }
    assertTrue(s1.isVisible(100));
    assertFalse(s0.isVisible(100));
  }
}
