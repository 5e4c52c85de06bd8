package io.pgtrickle.refresh.diff;

import java.util.Objects;

/** Whether a query can be maintained differentially: a plan, or the reason it cannot. */
public sealed interface Verdict {

  /** Maintainable: the plan. */
  record Differential(DiffPlan plan) implements Verdict {
    public Differential {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** Not maintainable differentially; {@code reason} names the construct. */
  record Unsupported(String reason) implements Verdict {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
