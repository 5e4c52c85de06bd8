package io.pgtrickle.corpus.fuzz;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing case: drops whole steps, then single DML statements, then initial rows, as long as
 * the case still fails the same way (a mismatch stays a mismatch, an error an error); repeats until nothing
 * more can be dropped or the attempt budget is spent.
 */
public final class Shrinker {

  /** Runs a candidate and says whether it still fails the same way. */
  public interface Check {
    boolean stillFails(FuzzCase candidate) throws SQLException;
  }

  private final Check check;
  private int budget;

  public Shrinker(Check check, int budget) {
    this.check = check;
    this.budget = budget;
  }

  /** A case for a runner: fails like {@code original} when the verdict matches. */
  public static Check sameVerdict(CaseRunner runner, CaseResult original) {
    return candidate -> runner.run(candidate).verdict() == original.verdict();
  }

  public FuzzCase shrink(FuzzCase failing) throws SQLException {
    FuzzCase current = failing;
    boolean progress = true;
    while (progress && budget > 0) {
      progress = false;
      for (int i = current.steps().size() - 1; i >= 0 && budget > 0; i--) { // whole steps, last first
        List<List<String>> steps = new ArrayList<>(current.steps());
        steps.remove(i);
        FuzzCase candidate = new FuzzCase(current.origin(), current.setup(), current.query(), steps);
        if (tryCandidate(candidate)) {
          current = candidate;
          progress = true;
        }
      }
      for (int i = 0; i < current.steps().size() && budget > 0; i++) { // single statements
        for (int j = current.steps().get(i).size() - 1; j >= 0 && budget > 0; j--) {
          if (current.steps().get(i).size() == 1) {
            break;
          }
          List<List<String>> steps = new ArrayList<>(current.steps());
          List<String> step = new ArrayList<>(steps.get(i));
          step.remove(j);
          steps.set(i, step);
          FuzzCase candidate = new FuzzCase(current.origin(), current.setup(), current.query(), steps);
          if (tryCandidate(candidate)) {
            current = candidate;
            progress = true;
          }
        }
      }
      for (int i = current.setup().size() - 1; i >= 0 && budget > 0; i--) { // initial rows
        if (!current.setup().get(i).startsWith("INSERT")) {
          continue;
        }
        List<String> setup = new ArrayList<>(current.setup());
        setup.remove(i);
        FuzzCase candidate = new FuzzCase(current.origin(), setup, current.query(), current.steps());
        if (tryCandidate(candidate)) {
          current = candidate;
          progress = true;
        }
      }
    }
    return new FuzzCase(current.origin() + " (shrunk)", current.setup(), current.query(), current.steps());
  }

  private boolean tryCandidate(FuzzCase candidate) throws SQLException {
    budget--;
    return check.stillFails(candidate);
  }

}
