package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The generated PL/pgSQL trigger function of one source, {@code pgtrickle_changes."capture_<oid>"}: one
 * function for all four capture triggers, branching on {@code TG_OP}, regenerated whenever the captured
 * columns change. After writing the buffer it sends {@code NOTIFY pgtrickle_wake, '<source oid>'}
 * ({@link #WAKE_CHANNEL}). PL/pgSQL plans each statement per trigger relation on first use, so the same function
 * serves the source and all its partitions or children.
 *
 * <p>It is {@code SECURITY DEFINER} (writers need no privilege on the buffer, which PUBLIC cannot touch)
 * with a pinned {@code search_path} (every name in it is qualified anyway), and, when a captured column is
 * compared by its text form, with the output settings that the comparison relies on pinned to exact,
 * re-readable forms: shortest-exact floats ({@code extra_float_digits}), ISO dates with numeric zone
 * offsets, postgres-style intervals (each pinned setting costs every call a set and a restore). The
 * writer's xid is read once per statement into {@value #XID_VARIABLE}. EXECUTE is revoked from PUBLIC;
 * triggers fire regardless.
 */
final class CaptureFunction {

  private static final String NAME_PREFIX = "capture_";

  private static final String EXISTING_BODY_SQL =
      "SELECT p.oid, p.prosrc FROM pg_catalog.pg_proc p"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " WHERE n.nspname = ? AND p.proname = ? AND p.pronargs = 0";

  private final long sourceOid;

  CaptureFunction(long sourceOid) {
    this.sourceOid = sourceOid;
  }

  /** Quoted, qualified name without argument list. */
  String qualifiedName() {
    return SqlIdentifiers.qualified(
        ChangeBufferLayout.SCHEMA, NAME_PREFIX + Long.toUnsignedString(sourceOid));
  }

  /**
   * The channel every capture function notifies once per statement, with the source's OID as payload:
   * schedulers LISTEN on it to refresh soon after a commit instead of polling. PostgreSQL delivers a
   * notification only when the writing transaction commits and folds identical ones of a transaction
   * into one, so a busy writer costs one queue entry per transaction and source.
   */
  static final String WAKE_CHANNEL = "pgtrickle_wake";

  /**
   * The PL/pgSQL variable holding the writing transaction's xid, read once per triggering statement
   * ({@code pg_current_xact_id()}) instead of once per captured row by the buffer's column default.
   */
  static final String XID_VARIABLE = "pgt_xid";

  /**
   * First line of a body whose function pins the output settings: the text comparison of some
   * captured column needs them (see {@link ColumnComparison}); otherwise no output function is called
   * and the three settings, which every call would have to set and restore, are left out. Being part
   * of the body, it also makes a function installed before this choice existed be replaced.
   */
  private static final String PINNED_OUTPUT = "-- output settings pinned\n";

  /** The PL/pgSQL body for these statements. */
  static String body(long sourceOid, CaptureStatements statements) {
    return "\n" + (statements.needsOutputSettings() ? PINNED_OUTPUT : "")
        + "DECLARE\n  " + XID_VARIABLE + " pg_catalog.xid8 := pg_catalog.pg_current_xact_id();\n"
        + "BEGIN\n"
        + "  IF TG_OP = 'INSERT' THEN\n    " + statements.insert() + ";\n"
        + "  ELSIF TG_OP = 'UPDATE' THEN\n    " + statements.update() + ";\n"
        + "  ELSIF TG_OP = 'DELETE' THEN\n    " + statements.delete() + ";\n"
        + "  ELSIF TG_OP = 'TRUNCATE' THEN\n    " + statements.truncate() + ";\n"
        + "  END IF;\n"
        + "  PERFORM pg_catalog.pg_notify('" + WAKE_CHANNEL + "', '" + Long.toUnsignedString(sourceOid)
        + "');\n"
        + "  RETURN NULL;\n"
        + "END\n";
  }

  /** The installed function's OID and body, if it exists. */
  Optional<Installed> installed(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(EXISTING_BODY_SQL)) {
      ps.setString(1, ChangeBufferLayout.SCHEMA);
      ps.setString(2, NAME_PREFIX + Long.toUnsignedString(sourceOid));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Installed(rs.getLong(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  /** Creates or replaces the function with {@code body}; returns its OID. */
  long install(Connection connection, String body, String describedSource) throws SQLException {
    String tag = dollarQuoteTag(body);
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE FUNCTION " + qualifiedName() + "() RETURNS trigger"
              + " LANGUAGE plpgsql SECURITY DEFINER"
              + " SET search_path = pg_catalog, pg_temp"
              + (body.startsWith("\n" + PINNED_OUTPUT)
                  ? " SET extra_float_digits = 1 SET DateStyle = 'ISO, MDY' SET IntervalStyle = 'postgres'"
                  : "")
              + " AS " + tag + body + tag);
      st.execute("REVOKE ALL ON FUNCTION " + qualifiedName() + "() FROM PUBLIC");
      st.execute(
          "COMMENT ON FUNCTION " + qualifiedName() + "() IS "
              + SqlLiterals.string("pgtrickle change capture of " + describedSource));
    }
    return installed(connection).orElseThrow().oid();
  }

  /** Drops the function if it exists (its triggers must be gone). */
  void drop(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP FUNCTION IF EXISTS " + qualifiedName() + "()");
    }
  }

  /** A dollar-quote tag that does not occur in {@code body}. */
  private static String dollarQuoteTag(String body) {
    String tag = "$pgt$";
    for (int i = 1; body.contains(tag); i++) {
      tag = "$pgt" + i + "$";
    }
    return tag;
  }

  /** An installed capture function. */
  record Installed(long oid, String body) {}
}
