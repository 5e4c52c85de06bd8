package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.Scan;

/**
 * How the engine binds each source {@link Scan} to SQL for a differential refresh. Both relations
 * are SQL text usable in a FROM clause (a schema-qualified quoted name, or a parenthesised subquery).
 * They may refer to a CTE named {@value #WINDOW_CTE} that the engine defines around the delta query
 * (holding the window's snapshots), so the delta SQL stays constant across refreshes and can be
 * cached and shown by explain.
 */
public interface SourceBindings {

  /** Name of the CTE the engine wraps around the delta query; bindings may reference it. */
  String WINDOW_CTE = "__pgt_window";

  /**
   * The source's changes in the refresh window: exactly the scan's referenced columns, in the scan's
   * order and named like {@link Scan#columns()}, plus the weight column {@code "__pgt_w"} (+1 a row
   * appeared, −1 a row disappeared; an UPDATE is −old +new). Not necessarily consolidated.
   */
  String changes(Scan scan);

  /**
   * The source's current contents (its state at the end of the window, read in the refresh's own
   * snapshot): normally the schema-qualified, quoted source relation itself.
   */
  String current(Scan scan);
}
