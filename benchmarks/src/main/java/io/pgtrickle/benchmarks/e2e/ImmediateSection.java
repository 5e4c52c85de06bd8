package io.pgtrickle.benchmarks.e2e;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IMMEDIATE section: runs {@link ImmediateOverheadBenchmark} (single-row UPDATEs on a source with an
 * IMMEDIATE join and aggregate stream table, against none) at the run's largest base size, keeps its text
 * and reads the median overheads from it for the targets table.
 */
final class ImmediateSection {
  private static final Logger LOG = System.getLogger(ImmediateSection.class.getName());
  /** "+ IMMEDIATE join (…): median 1.234 ms (+0.567)". */
  private static final Pattern JOIN = Pattern.compile("\\+ IMMEDIATE join[^\\n]*?median [0-9.]+ ms \\(([+-][0-9.]+)\\)");
  private static final Pattern JOIN_AGG = Pattern.compile("\\+ join and IMMEDIATE aggregate[^\\n]*?median [0-9.]+ ms \\(([+-][0-9.]+)\\)");

  private ImmediateSection() {}

  static void run(Db db, int rows, int updates, Deadline deadline, Results results) throws SQLException {
    if (updates <= 0) {
      return;
    }
    if (deadline.expired()) {
      results.note("skipped the IMMEDIATE section: run budget spent");
      return;
    }
    LOG.log(Level.INFO, "IMMEDIATE overhead at {0} rows, {1} UPDATEs per phase", rows, updates);
    try {
      String report = ImmediateOverheadBenchmark.run(db, rows, updates);
      results.immediate = new Results.Immediate(rows, updates, report, overhead(JOIN, report),
          overhead(JOIN_AGG, report));
      if (Double.isNaN(results.immediate.joinOverheadMs())) {
        results.note("IMMEDIATE: could not read the join overhead from ImmediateOverheadBenchmark's text");
      }
    } catch (SQLException e) {
      results.note("IMMEDIATE section failed: " + e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse(""));
    } finally {
      db.plain("DROP TABLE IF EXISTS accounts, branches CASCADE");
    }
  }

  static double overhead(Pattern p, String report) {
    Matcher m = p.matcher(report);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%+.3f", v);
  }
}
