package io.pgtrickle.corpus.fuzz;

import io.pgtrickle.corpus.check.StreamTables;
import io.pgtrickle.testing.MultisetDiff;
import io.pgtrickle.testing.MultisetOracle;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One case's stream tables: {@code name} (mode {@code auto}) over the case's query and, when that is
 * maintained differentially, its FULL twin {@code name_full} (a FULL-fallback table would only be compared
 * with another FULL table; the oracle already compares it with its query). Creates and refreshes them through {@code jdbc:pgtrickle:}, and checks them through a
 * plain connection inside the caller's snapshot: the multiset oracle, FULL = DIFFERENTIAL and no negative
 * hidden count.
 */
final class StreamTablePair {

  private final String name;
  private final String query;
  private String mode;
  private String reason;
  private String userColumns;
  private String twinColumns;
  private String negativeCounts;

  StreamTablePair(String name, String query) {
    this.name = name;
    this.query = query;
  }

  String name() {
    return name;
  }

  String twin() {
    return name + "_full";
  }

  /** The effective mode of the {@code auto} stream table ({@code differential} or {@code full}). */
  String mode() {
    return mode;
  }

  /** Why the {@code auto} stream table is maintained FULL, or null. */
  String reason() {
    return reason;
  }

  /** Whether the {@code auto} table is maintained differentially: only then does it have a FULL twin. */
  boolean differential() {
    return "differential".equals(mode);
  }

  void create(Connection plain, Connection trickle) throws SQLException {
    try (Statement st = trickle.createStatement()) {
      st.execute("CREATE MATERIALIZED VIEW " + name + " WITH (pgtrickle.stream = true) AS " + query);
      String[] modeAndReason = StreamTables.modeAndReason(plain, name);
      mode = modeAndReason[0];
      reason = modeAndReason[1];
      if (differential()) {
        st.execute("CREATE MATERIALIZED VIEW " + twin()
            + " WITH (pgtrickle.stream = true, pgtrickle.refresh_mode = 'full') AS " + query);
        twinColumns = StreamTables.userColumns(plain, twin());
      }
    }
    userColumns = StreamTables.userColumns(plain, name);
    var counts = StreamTables.hiddenCountColumns(plain, name);
    negativeCounts = counts.isEmpty() ? null
        : "SELECT count(*) FROM " + name + " WHERE " + String.join(" < 0 OR ", counts) + " < 0";
  }

  void refresh(Connection trickle) throws SQLException {
    try (Statement st = trickle.createStatement()) {
      st.execute("REFRESH MATERIALIZED VIEW " + name);
      if (differential()) {
        st.execute("REFRESH MATERIALIZED VIEW " + twin());
      }
    }
  }

  /**
   * The three checks inside {@code plain}'s current transaction (one snapshot for all of them); null when
   * they hold, else what failed.
   */
  String check(Connection plain, String where) throws SQLException {
    MultisetDiff oracle;
    try {
      oracle = MultisetOracle.diffInCurrentTransaction(plain, userColumns, query);
    } catch (IllegalArgumentException e) {
      return name + " has other columns than its query " + where + ": " + e.getMessage();
    }
    if (!oracle.isEmpty()) {
      return name + " differs from its query " + where + ": " + oracle.describe(10);
    }
    if (differential()) {
      MultisetDiff twinDiff = MultisetOracle.diffInCurrentTransaction(plain, userColumns, twinColumns);
      if (!twinDiff.isEmpty()) {
        return name + " differs from " + twin() + " " + where + ": " + twinDiff.describe(10);
      }
    }
    if (negativeCounts != null) {
      long negative = StreamTables.scalarLong(plain, negativeCounts);
      if (negative != 0) {
        return negative + " rows of " + name + " have a negative hidden count " + where;
      }
    }
    return null;
  }
}
