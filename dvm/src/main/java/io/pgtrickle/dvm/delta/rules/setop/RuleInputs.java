package io.pgtrickle.dvm.delta.rules.setop;

import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.InputRelations;
import java.util.Optional;

/**
 * What the aggregate, DISTINCT and set-operation rules read from a {@link DeltaContext}: the input
 * states they probe, and the stored result when the operator is the root of the tree.
 */
public final class RuleInputs {
  private RuleInputs() {}

  /** The input's state after the window; these rules cannot work without it. */
  public static String after(InputRelations input, String operator) {
    return input.after().orElseThrow(() -> new IllegalStateException(
        operator + " delta needs the after-state of its input; the differentiator gave only " + input.delta()));
  }

  /** The input's state before the window; these rules cannot work without it. */
  public static String before(InputRelations input, String operator) {
    return input.before().orElseThrow(() -> new IllegalStateException(
        operator + " delta needs the before-state of its input; the differentiator gave only " + input.delta()));
  }

  /**
   * The previous result of the operator when it is the root of the tree (the stream table itself,
   * its columns named {@link DeltaContext#outputColumns()}), else empty.
   */
  public static Optional<String> storedResult(DeltaContext context) {
    return context.isRoot() ? context.storedResult() : Optional.empty();
  }
}
