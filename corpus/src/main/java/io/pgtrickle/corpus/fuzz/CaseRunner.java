package io.pgtrickle.corpus.fuzz;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;

/**
 * Runs fuzz cases that share their setup and DML steps (one world, or one case alone) in one database:
 * creates and fills the sources once with a plain connection, creates every case's stream table
 * {@code st<i>} (mode {@code auto}) and its FULL twin through {@code jdbc:pgtrickle:}, then after every DML
 * step refreshes all of them and checks each case in one snapshot ({@link StreamTablePair#check}). A case
 * that fails stops there (its verdict is final) while the others go on. Drops everything afterwards, in
 * bulk, so worlds can run one after another in the same database.
 */
public final class CaseRunner implements AutoCloseable {

  /**
   * Runs between two reconnections. A backend that has created and dropped the tables of thousands of
   * cases keeps a compiled copy of the guard and capture trigger functions for each of them (PL/pgSQL
   * caches a trigger function per relation and frees none when the relation is dropped), and every
   * invalidation then walks all their cached plans: in one long-lived session the fuzzer slowed from 17
   * to 68 seconds per 100 cases over 4,500 cases. Fresh sessions every few worlds keep the rate flat.
   */
  static final int RUNS_PER_SESSION = 10;

  /** Opens one of the runner's two connections to its database. */
  @FunctionalInterface
  public interface Connector {
    /** A plain PgJDBC connection ({@code trickle} false) or a {@code jdbc:pgtrickle:} one. */
    Connection open(boolean trickle) throws SQLException;
  }

  private final Connector connector;
  private Connection plain;
  private Connection trickle;
  private int runsInSession;

  public CaseRunner(Connector connector) throws SQLException {
    this.connector = connector;
    connect();
  }

  /** Runs one self-contained case (a reproducer, or a shrinking candidate). */
  public CaseResult run(FuzzCase fuzzCase) throws SQLException {
    return runAll(List.of(fuzzCase)).get(0);
  }

  @Override
  public void close() throws SQLException {
    try (Connection p = plain; Connection t = trickle) {
      plain = null;
      trickle = null;
    }
  }

  private void connect() throws SQLException {
    plain = connector.open(false);
    try {
      trickle = connector.open(true);
    } catch (SQLException e) {
      plain.close();
      throw e;
    }
    runsInSession = 0;
  }

  /**
   * Runs cases side by side; all must have the same setup and steps. The results are in the cases' order.
   */
  public List<CaseResult> runAll(List<FuzzCase> cases) throws SQLException {
    FuzzCase first = cases.get(0);
    for (FuzzCase c : cases) {
      if (!c.setup().equals(first.setup()) || !c.steps().equals(first.steps())) {
        throw new IllegalArgumentException("cases of one run must share setup and steps: " + c.origin());
      }
    }
    if (runsInSession++ == RUNS_PER_SESSION) {
      close();
      connect();
      runsInSession = 1;
    }
    List<StreamTablePair> pairs = new ArrayList<>();
    try {
      return runChecked(cases, pairs);
    } finally {
      cleanUp(first, pairs);
    }
  }

  private List<CaseResult> runChecked(List<FuzzCase> cases, List<StreamTablePair> created) throws SQLException {
    CaseResult[] results = new CaseResult[cases.size()];
    FuzzCase first = cases.get(0);
    try (Statement st = plain.createStatement()) {
      for (String sql : first.setup()) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      return List.of(fill(results, new CaseResult(CaseResult.Verdict.INVALID, null, "setup: " + e.getMessage())));
    }
    List<Integer> live = new ArrayList<>();
    StreamTablePair[] pairs = new StreamTablePair[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      String query = cases.get(i).query();
      try (Statement st = plain.createStatement()) {
        st.executeQuery("SELECT count(*) FROM (" + query + ") q").close();
      } catch (SQLException e) {
        results[i] = new CaseResult(CaseResult.Verdict.INVALID, null, e.getMessage());
        continue;
      }
      pairs[i] = new StreamTablePair("st" + (i + 1), query);
      created.add(pairs[i]);
      try {
        pairs[i].create(plain, trickle);
        live.add(i);
      } catch (SQLException e) {
        results[i] = new CaseResult(CaseResult.Verdict.ERROR, pairs[i].mode(),
            "create: " + e.getSQLState() + " " + e.getMessage());
      }
    }
    checkAll(pairs, live, results, "after create");
    List<List<String>> steps = first.steps();
    for (int s = 0; s < steps.size() && !live.isEmpty(); s++) {
      String where = "after step " + (s + 1);
      try (Statement st = plain.createStatement()) {
        for (String sql : steps.get(s)) {
          st.execute(sql);
        }
      } catch (SQLException e) {
        for (int i : live) {
          results[i] = new CaseResult(CaseResult.Verdict.INVALID, pairs[i].mode(),
              "step " + (s + 1) + ": " + e.getMessage());
        }
        live.clear();
        break;
      }
      for (int i : List.copyOf(live)) {
        try {
          pairs[i].refresh(trickle);
        } catch (SQLException e) {
          results[i] = new CaseResult(CaseResult.Verdict.ERROR, pairs[i].mode(),
              "refresh " + where + ": " + e.getSQLState() + " " + e.getMessage());
          live.remove(Integer.valueOf(i));
        }
      }
      checkAll(pairs, live, results, where);
    }
    for (int i : live) {
      results[i] = new CaseResult(CaseResult.Verdict.PASS, pairs[i].mode(), pairs[i].reason());
    }
    return List.of(results);
  }

  /**
   * Checks the live cases in one REPEATABLE READ snapshot; a failing case gets its verdict and leaves. A
   * check that errors aborts the snapshot's transaction, so the remaining cases go on in a new one.
   */
  private void checkAll(StreamTablePair[] pairs, List<Integer> live, CaseResult[] results, String where)
      throws SQLException {
    List<Integer> pending = new ArrayList<>(live);
    while (!pending.isEmpty()) {
      plain.setAutoCommit(false);
      plain.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      plain.setReadOnly(true);
      try {
        while (!pending.isEmpty()) {
          int i = pending.remove(0);
          String failure;
          try {
            failure = pairs[i].check(plain, where);
          } catch (SQLException e) {
            live.remove(Integer.valueOf(i));
            results[i] = new CaseResult(CaseResult.Verdict.ERROR, pairs[i].mode(),
                "check " + where + " failed: " + e.getSQLState() + " " + e.getMessage());
            break;
          }
          if (failure != null) {
            live.remove(Integer.valueOf(i));
            results[i] = new CaseResult(CaseResult.Verdict.MISMATCH, pairs[i].mode(), failure);
          }
        }
      } finally {
        plain.rollback();
        plain.setReadOnly(false);
        plain.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        plain.setAutoCommit(true);
      }
    }
  }

  private static CaseResult[] fill(CaseResult[] results, CaseResult result) {
    Arrays.fill(results, result);
    return results;
  }

  private void cleanUp(FuzzCase fuzzCase, List<StreamTablePair> pairs) throws SQLException {
    if (!trickle.getAutoCommit()) {
      trickle.rollback();
    }
    if (!pairs.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (StreamTablePair pair : pairs) {
        names.add(pair.name());
        names.add(pair.twin());
      }
      try (Statement st = trickle.createStatement()) {
        st.execute("DROP MATERIALIZED VIEW IF EXISTS " + String.join(", ", names));
      }
    }
    List<String> tables = fuzzCase.tables();
    if (!tables.isEmpty()) {
      try (Statement st = plain.createStatement()) {
        st.execute("DROP TABLE IF EXISTS " + String.join(", ", tables) + " CASCADE");
      }
    }
  }
}
