package io.pgtrickle.refresh.immediate;

import io.pgtrickle.refresh.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs and removes the generated functions ({@link TriggerProgram}) and, on every source, the five
 * statement-level triggers of one IMMEDIATE stream table: {@code "__pgt_imm_<id>_b"} BEFORE INSERT OR
 * UPDATE OR DELETE OR TRUNCATE, and AFTER INSERT ({@code _i}, new table), UPDATE ({@code _u}, old and
 * new tables), DELETE ({@code _d}, old table) and TRUNCATE ({@code _t}). PostgreSQL allows transition
 * tables only on single-event triggers, hence one AFTER trigger per event. CREATE TRIGGER locks each
 * source in SHARE ROW EXCLUSIVE mode until the transaction ends, so no write slips in between the
 * installation and the population that follows it.
 */
final class ImmediateTriggers {

  private static final String FUNCTIONS =
      "SELECT p.\"oid\"::pg_catalog.regprocedure::text FROM pg_catalog.pg_proc p"
          + " WHERE p.\"pronamespace\" = " + Sql.literal(Sql.CATALOG_SCHEMA) + "::pg_catalog.regnamespace"
          + " AND p.\"proname\" ~ ?";

  private static final String TRIGGERS =
      "SELECT t.\"tgname\", t.\"tgrelid\"::pg_catalog.regclass::text FROM pg_catalog.pg_trigger t"
          + " JOIN pg_catalog.pg_proc p ON p.\"oid\" = t.\"tgfoid\""
          + " WHERE p.\"pronamespace\" = " + Sql.literal(Sql.CATALOG_SCHEMA) + "::pg_catalog.regnamespace"
          + " AND p.\"proname\" ~ ?";

  private ImmediateTriggers() {}

  static void install(Connection connection, long pgtId, ImmediatePlan plan, TriggerProgram program)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : program.statements()) {
        st.execute(sql);
      }
      String before = Sql.catalog(TriggerProgram.beforeFunction(pgtId)) + "()";
      for (ImmediatePlan.Source s : plan.sources()) {
        String table = Sql.qualified(s.schema(), s.name());
        String after = Sql.catalog(TriggerProgram.afterFunction(pgtId, s.oid())) + "()";
        String prefix = "__pgt_imm_" + pgtId + "_";
        st.execute("CREATE TRIGGER " + Sql.ident(prefix + "b")
            + " BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + table
            + " FOR EACH STATEMENT EXECUTE FUNCTION " + before);
        st.execute("CREATE TRIGGER " + Sql.ident(prefix + "i") + " AFTER INSERT ON " + table
            + " REFERENCING NEW TABLE AS \"__pgt_new\" FOR EACH STATEMENT EXECUTE FUNCTION " + after);
        st.execute("CREATE TRIGGER " + Sql.ident(prefix + "u") + " AFTER UPDATE ON " + table
            + " REFERENCING OLD TABLE AS \"__pgt_old\" NEW TABLE AS \"__pgt_new\""
            + " FOR EACH STATEMENT EXECUTE FUNCTION " + after);
        st.execute("CREATE TRIGGER " + Sql.ident(prefix + "d") + " AFTER DELETE ON " + table
            + " REFERENCING OLD TABLE AS \"__pgt_old\" FOR EACH STATEMENT EXECUTE FUNCTION " + after);
        st.execute("CREATE TRIGGER " + Sql.ident(prefix + "t") + " AFTER TRUNCATE ON " + table
            + " FOR EACH STATEMENT EXECUTE FUNCTION " + after);
      }
    }
  }

  /** Drops every trigger and function of the stream table that still exists. */
  static void remove(Connection connection, long pgtId) throws SQLException {
    String pattern = TriggerProgram.functionNamePattern(pgtId);
    List<String> drops = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(TRIGGERS)) {
      ps.setString(1, pattern);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          drops.add("DROP TRIGGER " + Sql.ident(rs.getString(1)) + " ON " + rs.getString(2));
        }
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(FUNCTIONS)) {
      ps.setString(1, pattern);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          drops.add("DROP FUNCTION " + rs.getString(1));
        }
      }
    }
    try (Statement st = connection.createStatement()) {
      for (String sql : drops) {
        st.execute(sql);
      }
    }
  }
}
