package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The four statement-level AFTER triggers on a captured table. INSERT, UPDATE and DELETE each declare
 * their transition tables (PostgreSQL allows transition tables only on single-event triggers); TRUNCATE
 * has none. They are {@code ENABLE ALWAYS}, so that they also fire under
 * {@code session_replication_role = replica}: a missed change would be silent. Statement-level AFTER
 * triggers see the final rows, after any user BEFORE trigger changed them, and fire again for the nested
 * statements of FK cascades and user triggers, so they coexist with whatever else is on the table.
 */
enum CaptureTriggers {
  INSERT("__pgt_cdc_ins", "INSERT", "NEW TABLE AS " + SqlIdentifiers.quote(CaptureStatements.NEW_ROWS)),
  UPDATE(
      "__pgt_cdc_upd",
      "UPDATE",
      "OLD TABLE AS " + SqlIdentifiers.quote(CaptureStatements.OLD_ROWS) + " NEW TABLE AS "
          + SqlIdentifiers.quote(CaptureStatements.NEW_ROWS)),
  DELETE("__pgt_cdc_del", "DELETE", "OLD TABLE AS " + SqlIdentifiers.quote(CaptureStatements.OLD_ROWS)),
  TRUNCATE("__pgt_cdc_trunc", "TRUNCATE", null);

  /** 'A': fires in every session_replication_role. */
  private static final String ENABLED_ALWAYS = "A";

  private static final String EXISTING_SQL =
      "SELECT t.tgname, t.tgfoid, t.tgenabled FROM pg_catalog.pg_trigger t"
          + " WHERE t.tgrelid = ?::oid AND t.tgname LIKE '\\_\\_pgt\\_cdc\\_%'";

  private final String triggerName;
  private final String event;
  private final String transitionTables;

  CaptureTriggers(String triggerName, String event, String transitionTables) {
    this.triggerName = triggerName;
    this.event = event;
    this.transitionTables = transitionTables;
  }

  String triggerName() {
    return triggerName;
  }

  /** Whether all four triggers on {@code table} call {@code functionOid} and are enabled always. */
  static boolean allInstalled(Connection connection, TableRef table, long functionOid)
      throws SQLException {
    Map<String, String[]> existing = existing(connection, table);
    for (CaptureTriggers trigger : values()) {
      String[] found = existing.get(trigger.triggerName);
      if (found == null
          || Long.parseLong(found[0]) != functionOid
          || !ENABLED_ALWAYS.equals(found[1])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Creates whatever is missing or wrong among the four triggers on {@code table}. The caller holds a
   * lock on the table that keeps writers out.
   */
  static void install(
      Connection connection, TableRef table, String functionQualifiedName, long functionOid)
      throws SQLException {
    Map<String, String[]> existing = existing(connection, table);
    try (Statement st = connection.createStatement()) {
      for (CaptureTriggers trigger : values()) {
        String[] found = existing.get(trigger.triggerName);
        String on = " ON " + table.qualifiedName();
        String name = SqlIdentifiers.quote(trigger.triggerName);
        if (found != null && Long.parseLong(found[0]) != functionOid) {
          st.execute("DROP TRIGGER " + name + on);
          found = null;
        }
        if (found == null) {
          st.execute(
              "CREATE TRIGGER " + name + " AFTER " + trigger.event + on
                  + (trigger.transitionTables == null ? "" : " REFERENCING " + trigger.transitionTables)
                  + " FOR EACH STATEMENT EXECUTE FUNCTION " + functionQualifiedName + "()");
        }
        if (found == null || !ENABLED_ALWAYS.equals(found[1])) {
          st.execute("ALTER TABLE " + table.qualifiedName() + " ENABLE ALWAYS TRIGGER " + name);
        }
      }
    }
  }

  /** Drops the four triggers from {@code table} if they are there. */
  static void drop(Connection connection, String tableQualifiedName) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (CaptureTriggers trigger : values()) {
        st.execute(
            "DROP TRIGGER IF EXISTS " + SqlIdentifiers.quote(trigger.triggerName) + " ON "
                + tableQualifiedName);
      }
    }
  }

  /**
   * The tables that have a trigger calling {@code functionOid}: the captured tables, and possibly
   * partitions detached or children disinherited since, whose triggers must go.
   */
  static Set<TableRef> tablesCalling(Connection connection, long functionOid) throws SQLException {
    Set<TableRef> tables = new HashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT c.oid, n.nspname, c.relname FROM pg_catalog.pg_trigger t"
                + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE t.tgfoid = ?::oid")) {
      ps.setLong(1, functionOid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(
              new TableRef(rs.getLong(1), SqlIdentifiers.qualified(rs.getString(2), rs.getString(3))));
        }
      }
    }
    return tables;
  }

  /** Trigger name to {function OID, tgenabled} for the capture triggers on {@code table}. */
  private static Map<String, String[]> existing(Connection connection, TableRef table)
      throws SQLException {
    Map<String, String[]> found = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(EXISTING_SQL)) {
      ps.setLong(1, table.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return found;
  }
}
