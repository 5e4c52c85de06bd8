package io.pgtrickle.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.MultisetOracle;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PgTest
class SmokeTest {

  @Test
  void createRefreshDrop(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(k int, v text, j json)");
      s.execute("INSERT INTO t VALUES (1,'a','{}'),(1,'a','{}'),(NULL,NULL,NULL),(2,'b','[1]')");
      assertEquals(4, Ddl.run(c, Ddl.create("st", "SELECT * FROM t")).updateCount());
      MultisetOracle.assertSameRows(c, "SELECT * FROM st", "SELECT * FROM t");
      s.execute("DELETE FROM t WHERE k = 1");
      s.execute("INSERT INTO t VALUES (3,'c','{\"a\":1}'),(NULL,NULL,NULL)");
      Ddl.run(c, Ddl.refresh("st"));
      MultisetOracle.assertSameRows(c, "SELECT * FROM st", "SELECT * FROM t");
      assertTrue(Ddl.ENGINE.isStreamTable(c, Ddl.name("st")));
      Ddl.run(c, Ddl.drop(false, "st"));
    }
  }
}
