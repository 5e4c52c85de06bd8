package io.pgtrickle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** First of two classes (A runs before B, alphabetical order): its database must not leak into B's. */
@PgTest
class PerClassDatabaseATest {
  /** Read by {@link PerClassDatabaseBTest}, which runs later in the same JVM. */
  static volatile String databaseName;
  private static TestDatabase fromBeforeAll;

  @BeforeAll
  static void setUp(TestDatabase db) throws SQLException {
    fromBeforeAll = db;
    databaseName = db.name();
    db.execute("CREATE TABLE marker(x int)", "INSERT INTO marker VALUES (1)");
  }

  @Test
  void sameDatabaseInBeforeAllAndTest(TestDatabase db) throws SQLException {
    assertSame(fromBeforeAll, db);
    assertTrue(db.name().startsWith("pgt_perclassdatabaseatest_"), db.name());
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_database(), count(*) FROM marker")) {
      assertTrue(c.getAutoCommit());
      assertTrue(rs.next());
      assertEquals(db.name(), rs.getString(1));
      assertEquals(1, rs.getInt(2));
    }
  }

  @Nested
  class Inner {
    @Test
    void nestedClassSharesTheOuterDatabase(TestDatabase db) {
      assertSame(fromBeforeAll, db);
    }
  }
}
