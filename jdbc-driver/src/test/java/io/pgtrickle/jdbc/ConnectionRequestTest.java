package io.pgtrickle.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL rewriting and property stripping, without a server. */
class ConnectionRequestTest {

  @Test
  void rewritesThePrefixOnly() throws SQLException {
    ConnectionRequest r = ConnectionRequest.parse("jdbc:pgtrickle://h:5433/db?user=u&ssl=false", null);
    assertEquals("jdbc:postgresql://h:5433/db?user=u&ssl=false", r.postgresUrl());
    assertTrue(r.intercept());
  }

  @Test
  void stripsOurPropertiesFromTheQuery() throws SQLException {
    ConnectionRequest r =
        ConnectionRequest.parse(
            "jdbc:pgtrickle://h/db?pgtrickle.intercept=false&ApplicationName=a%26b&PGTRICKLE.INTERCEPT=false", null);
    assertEquals("jdbc:postgresql://h/db?ApplicationName=a%26b", r.postgresUrl());
    assertFalse(r.intercept());
    ConnectionRequest only = ConnectionRequest.parse("jdbc:pgtrickle://h/db?pgtrickle.intercept=true", null);
    assertEquals("jdbc:postgresql://h/db", only.postgresUrl());
  }

  @Test
  void stripsOurPropertiesFromProperties() throws SQLException {
    Properties defaults = new Properties();
    defaults.setProperty("password", "p");
    Properties info = new Properties(defaults);
    info.setProperty("user", "u");
    info.setProperty("pgtrickle.intercept", "false");
    ConnectionRequest r = ConnectionRequest.parse("jdbc:pgtrickle:db", info);
    assertEquals("jdbc:postgresql:db", r.postgresUrl());
    assertEquals(Map.of("user", "u", "password", "p"), Map.copyOf(r.postgresProperties()));
    assertFalse(r.intercept());
    assertEquals("false", info.getProperty("pgtrickle.intercept"), "the caller's Properties are not changed");
  }

  @Test
  void urlWinsOverProperties() throws SQLException {
    Properties info = new Properties();
    info.setProperty("pgtrickle.intercept", "false");
    assertTrue(ConnectionRequest.parse("jdbc:pgtrickle:db?pgtrickle.intercept=true", info).intercept());
  }

  @Test
  void unknownPropertiesAre22023NamingThem() {
    Properties info = new Properties();
    info.setProperty("pgtrickle.scheduler", "on");
    SQLException e =
        assertThrows(SQLException.class, () -> ConnectionRequest.parse("jdbc:pgtrickle:db?pgtrickle.typo=1", info));
    assertEquals("22023", e.getSQLState());
    assertTrue(e.getMessage().contains("pgtrickle.typo"), e.getMessage());
    assertTrue(e.getMessage().contains("pgtrickle.scheduler"), e.getMessage());
  }

  @Test
  void badBooleanIs22023() throws SQLException {
    ConnectionRequest r = ConnectionRequest.parse("jdbc:pgtrickle:db?pgtrickle.intercept=maybe", null);
    SQLException e = assertThrows(SQLException.class, r::intercept);
    assertEquals("22023", e.getSQLState());
  }

  @Test
  void acceptsOnlyOurPrefix() {
    assertTrue(ConnectionRequest.accepts("jdbc:pgtrickle://h/db"));
    assertFalse(ConnectionRequest.accepts("jdbc:postgresql://h/db"));
    assertFalse(ConnectionRequest.accepts(null));
  }

  @Test
  void versionComesFromTheBuild() {
    assertTrue(DriverVersion.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), DriverVersion.VERSION);
  }
}
