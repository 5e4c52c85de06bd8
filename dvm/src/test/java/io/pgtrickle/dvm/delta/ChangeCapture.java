package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.dvm.plan.Scan;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only change capture: a row trigger copies every changed row of a source table into
 * {@code <table>__chg} with a weight (+1 new image, −1 old image; an UPDATE writes both), and
 * {@link #bindings()} binds each scan to the live table and that change table. Between cycles the
 * change tables are emptied ({@link #clear}).
 */
final class ChangeCapture {
  private final List<String> changeTables = new ArrayList<>();

  /** Creates {@code table} with its change table and capture trigger. */
  void create(Connection c, SourceTable table) throws SQLException {
    String t = q(table.name());
    String chg = q(table.name() + "__chg");
    List<String> defs = new ArrayList<>();
    table.key().ifPresent(k -> defs.add(q(k) + " integer PRIMARY KEY"));
    table.columns().forEach(col -> defs.add(q(col.name()) + " " + col.type()));
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE " + t + " (" + String.join(", ", defs) + ")");
      st.execute("CREATE TABLE " + chg + " (LIKE " + t + ")");
      st.execute("ALTER TABLE " + chg + " ADD COLUMN __pgt_w integer NOT NULL");
      String fn = q(table.name() + "__capture");
      st.execute("CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
          + " IF TG_OP IN ('DELETE', 'UPDATE') THEN INSERT INTO " + chg + " SELECT OLD.*, -1; END IF;"
          + " IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO " + chg + " SELECT NEW.*, 1; END IF;"
          + " RETURN NULL; END $f$");
      st.execute("CREATE TRIGGER " + q(table.name() + "__capture") + " AFTER INSERT OR UPDATE OR DELETE ON " + t
          + " FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
    }
    changeTables.add(chg);
  }

  /** Empties every change table: the next window starts. */
  void clear(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String chg : changeTables) {
        st.execute("TRUNCATE " + chg);
      }
    }
  }

  /** Scans bound to the live tables and their change tables. */
  SourceBindings bindings() {
    return new SourceBindings() {
      @Override public String changes(Scan scan) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < scan.referenced().size(); i++) {
          cols.add(q(scan.referenced().get(i).name()) + " AS " + q(scan.columns().get(i).name()));
        }
        return "(SELECT " + String.join(", ", cols) + ", __pgt_w FROM " + q(scan.relation().schema()) + "."
            + q(scan.relation().name() + "__chg") + ")";
      }

      @Override public String current(Scan scan) {
        return scan.relation().qualifiedName();
      }
    };
  }

  private static String q(String id) {
    return PgIdentifiers.quote(id);
  }
}
