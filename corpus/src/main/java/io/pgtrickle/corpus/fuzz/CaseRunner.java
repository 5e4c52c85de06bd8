package io.pgtrickle.corpus.fuzz;

import io.pgtrickle.corpus.check.StreamTables;
import io.pgtrickle.testing.MultisetDiff;
import io.pgtrickle.testing.MultisetOracle;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs fuzz cases in one database: creates the sources with a plain connection, the stream table
 * {@code st} (mode {@code auto}) and its FULL twin {@code st_full} through {@code jdbc:pgtrickle:}, then
 * after every DML step refreshes both and checks the multiset oracle, FULL = DIFFERENTIAL and the hidden
 * counts. Drops everything afterwards, so cases can run one after another.
 */
public final class CaseRunner {

  private final Connection plain;
  private final Connection trickle;

  public CaseRunner(Connection plain, Connection trickle) {
    this.plain = plain;
    this.trickle = trickle;
  }

  public CaseResult run(FuzzCase fuzzCase) throws SQLException {
    try {
      return runChecked(fuzzCase);
    } finally {
      cleanUp(fuzzCase);
    }
  }

  private CaseResult runChecked(FuzzCase fuzzCase) throws SQLException {
    try (Statement st = plain.createStatement()) {
      for (String sql : fuzzCase.setup()) {
        st.execute(sql);
      }
      st.executeQuery("SELECT count(*) FROM (" + fuzzCase.query() + ") q").close();
    } catch (SQLException e) {
      return new CaseResult(CaseResult.Verdict.INVALID, null, e.getMessage());
    }
    String mode;
    String reason;
    try (Statement st = trickle.createStatement()) {
      st.execute("CREATE MATERIALIZED VIEW st WITH (pgtrickle.stream = true) AS " + fuzzCase.query());
      st.execute("CREATE MATERIALIZED VIEW st_full WITH (pgtrickle.stream = true, pgtrickle.refresh_mode = 'full')"
          + " AS " + fuzzCase.query());
      String[] modeAndReason = StreamTables.modeAndReason(plain, "st");
      mode = modeAndReason[0];
      reason = modeAndReason[1];
    } catch (SQLException e) {
      return new CaseResult(CaseResult.Verdict.ERROR, null, "create: " + e.getSQLState() + " " + e.getMessage());
    }
    String failure = check(fuzzCase, "after create");
    if (failure != null) {
      return new CaseResult(CaseResult.Verdict.MISMATCH, mode, failure);
    }
    for (int i = 0; i < fuzzCase.steps().size(); i++) {
      try (Statement st = plain.createStatement()) {
        for (String sql : fuzzCase.steps().get(i)) {
          st.execute(sql);
        }
      } catch (SQLException e) {
        return new CaseResult(CaseResult.Verdict.INVALID, mode, "step " + (i + 1) + ": " + e.getMessage());
      }
      try (Statement st = trickle.createStatement()) {
        st.execute("REFRESH MATERIALIZED VIEW st");
        st.execute("REFRESH MATERIALIZED VIEW st_full");
      } catch (SQLException e) {
        return new CaseResult(CaseResult.Verdict.ERROR, mode,
            "refresh after step " + (i + 1) + ": " + e.getSQLState() + " " + e.getMessage());
      }
      failure = check(fuzzCase, "after step " + (i + 1));
      if (failure != null) {
        return new CaseResult(CaseResult.Verdict.MISMATCH, mode, failure);
      }
    }
    return new CaseResult(CaseResult.Verdict.PASS, mode, reason);
  }

  private String check(FuzzCase fuzzCase, String where) throws SQLException {
    MultisetDiff oracle = MultisetOracle.diff(plain, StreamTables.userColumns(plain, "st"), fuzzCase.query());
    if (!oracle.isEmpty()) {
      return "st differs from its query " + where + ": " + oracle.describe(10);
    }
    MultisetDiff twin = MultisetOracle.diff(plain, StreamTables.userColumns(plain, "st"),
        StreamTables.userColumns(plain, "st_full"));
    if (!twin.isEmpty()) {
      return "st differs from st_full " + where + ": " + twin.describe(10);
    }
    long negative = StreamTables.negativeHiddenCounts(plain, "st");
    return negative == 0 ? null : negative + " rows of st have a negative hidden count " + where;
  }

  private void cleanUp(FuzzCase fuzzCase) throws SQLException {
    if (!trickle.getAutoCommit()) {
      trickle.rollback();
    }
    try (Statement st = trickle.createStatement()) {
      st.execute("DROP MATERIALIZED VIEW IF EXISTS st, st_full");
    }
    List<String> tables = fuzzCase.tables();
    if (!tables.isEmpty()) {
      try (Statement st = plain.createStatement()) {
        st.execute("DROP TABLE IF EXISTS " + String.join(", ", tables) + " CASCADE");
      }
    }
  }
}
