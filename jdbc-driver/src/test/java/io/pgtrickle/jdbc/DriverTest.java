package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The java.sql.Driver contract against a real server. */
@PgTest
class DriverTest {

  private final PgTrickleDriver driver = new PgTrickleDriver();

  @Test
  void registeredWithDriverManager(TestDatabase db) throws SQLException {
    assertInstanceOf(PgTrickleDriver.class, DriverManager.getDriver(db.pgtrickleUrl()));
    assertInstanceOf(org.postgresql.Driver.class, DriverManager.getDriver(db.jdbcUrl()));
  }

  @Test
  void acceptsOnlyPgtrickleUrls(TestDatabase db) throws SQLException {
    assertTrue(driver.acceptsURL(db.pgtrickleUrl()));
    assertFalse(driver.acceptsURL(db.jdbcUrl()));
    assertFalse(driver.acceptsURL("jdbc:mysql://localhost/x"));
    assertNull(driver.connect(db.jdbcUrl(), db.properties()), "foreign URLs get null (JDBC contract)");
  }

  @Test
  void connectsThroughDriverManager(TestDatabase db) throws SQLException {
    try (Connection c = Connections.trickle(db)) {
      assertInstanceOf(TrickleConnection.class, c);
      assertEquals(db.name(), Connections.scalar(c, "SELECT current_database()"));
      assertTrue(Connections.scalar(c, "SELECT version()").startsWith("PostgreSQL"));
    }
  }

  @Test
  void pgJdbcPropertiesInTheUrlStillWork(TestDatabase db) throws SQLException {
    String url = db.pgtrickleUrl() + "?ApplicationName=trickle%20test&pgtrickle.intercept=true";
    try (Connection c = DriverManager.getConnection(url, db.properties())) {
      assertEquals("trickle test", Connections.scalar(c, "SHOW application_name"));
    }
  }

  @Test
  void ourPropertiesAreStrippedFromProperties(TestDatabase db) throws SQLException {
    Properties info = db.properties();
    info.setProperty("pgtrickle.intercept", "true");
    info.setProperty("ApplicationName", "from properties");
    try (Connection c = DriverManager.getConnection(db.pgtrickleUrl(), info)) {
      assertEquals("from properties", Connections.scalar(c, "SHOW application_name"));
    }
  }

  @Test
  void unknownPgtricklePropertyIs22023(TestDatabase db) {
    SQLException inUrl =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(db.pgtrickleUrl() + "?pgtrickle.refresh=yes", db.properties()));
    assertEquals("22023", inUrl.getSQLState());
    assertTrue(inUrl.getMessage().contains("pgtrickle.refresh"), inUrl.getMessage());
    Properties info = db.properties();
    info.setProperty("pgtrickle.bogus", "1");
    SQLException inProperties =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(db.pgtrickleUrl(), info));
    assertEquals("22023", inProperties.getSQLState());
    assertTrue(inProperties.getMessage().contains("pgtrickle.bogus"), inProperties.getMessage());
  }

  @Test
  void interceptFalseSendsStreamDdlToPostgreSQLUnchanged(TestDatabase db) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(db.pgtrickleUrl() + "?pgtrickle.intercept=false", db.properties());
        var st = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> st.execute("CREATE MATERIALIZED VIEW raw_mv WITH (pgtrickle.stream = true) AS SELECT 1"));
      assertTrue(e.getMessage().contains("pgtrickle"), e.getMessage());
    }
  }

  @Test
  void propertyInfoIsPgJdbcsPlusOurs(TestDatabase db) throws SQLException {
    DriverPropertyInfo[] ours = driver.getPropertyInfo(db.pgtrickleUrl(), db.properties());
    DriverPropertyInfo[] theirs = new org.postgresql.Driver().getPropertyInfo(db.jdbcUrl(), db.properties());
    Set<String> names = Arrays.stream(ours).map(p -> p.name).collect(Collectors.toSet());
    for (DriverPropertyInfo info : theirs) {
      assertTrue(names.contains(info.name), info.name);
    }
    assertTrue(names.contains("pgtrickle.intercept"));
    assertEquals(theirs.length + DriverProperty.values().length, ours.length);
    assertEquals(0, driver.getPropertyInfo(db.jdbcUrl(), null).length);
  }

  @Test
  void versions() {
    assertEquals(DriverVersion.major(), driver.getMajorVersion());
    assertEquals(DriverVersion.minor(), driver.getMinorVersion());
    assertFalse(driver.jdbcCompliant());
    assertEquals("io.pgtrickle.jdbc", driver.getParentLogger().getName());
  }
}
