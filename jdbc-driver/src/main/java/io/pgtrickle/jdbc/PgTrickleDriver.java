package io.pgtrickle.jdbc;

import io.pgtrickle.scheduler.SharedSchedulers;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:pgtrickle:} driver: PgJDBC underneath, with stream-table DDL routed to the pgtrickle
 * engine. {@code jdbc:pgtrickle://host:port/db?…} connects exactly like {@code jdbc:postgresql://…}
 * (every PgJDBC property works) once pgtrickle's own {@code pgtrickle.*} properties are taken out.
 *
 * <p>PgJDBC's driver is called directly, never through {@link DriverManager}, so the rewritten URL
 * cannot come back here.
 */
public final class PgTrickleDriver implements Driver {

  private static final System.Logger LOG = System.getLogger(PgTrickleDriver.class.getName());

  static {
    try {
      DriverManager.registerDriver(new PgTrickleDriver());
    } catch (SQLException e) {
      LOG.log(Level.ERROR, "could not register the pgtrickle JDBC driver", e);
    }
  }

  private final org.postgresql.Driver postgres = new org.postgresql.Driver();

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionRequest request = ConnectionRequest.parse(url, info);
    boolean intercept = request.intercept();
    boolean scheduler = request.scheduler();
    Connection connection = postgres.connect(request.postgresUrl(), request.postgresProperties());
    if (connection == null) {
      throw new SQLException("PgJDBC does not accept the URL " + request.postgresUrl(), "08001");
    }
    if (!scheduler) {
      return new TrickleConnection(connection, intercept, null);
    }
    SharedSchedulers.Lease lease =
        SharedSchedulers.acquire(request.postgresUrl(), request.postgresProperties());
    return new TrickleConnection(connection, intercept, lease);
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionRequest.accepts(url);
  }

  /** PgJDBC's properties for the rewritten URL, followed by pgtrickle's own. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return new DriverPropertyInfo[0];
    }
    ConnectionRequest request = ConnectionRequest.parse(url, info);
    List<DriverPropertyInfo> all =
        new ArrayList<>(List.of(postgres.getPropertyInfo(request.postgresUrl(), request.postgresProperties())));
    for (DriverProperty property : DriverProperty.values()) {
      all.add(property.info(request.settings().get(property)));
    }
    return all.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public int getMajorVersion() {
    return DriverVersion.major();
  }

  @Override
  public int getMinorVersion() {
    return DriverVersion.minor();
  }

  /** As PgJDBC: false (PostgreSQL does not pass every JDBC compliance test). */
  @Override
  public boolean jdbcCompliant() {
    return postgres.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("io.pgtrickle.jdbc");
  }
}
