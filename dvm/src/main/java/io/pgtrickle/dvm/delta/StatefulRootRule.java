package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Scan;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A delta rule that, when its operator is the root, keeps hidden state columns ({@code __pgt_…}) in
 * the stream table after the user columns, and reads them back from the stored result. The
 * {@link Differentiator} asks the root's rule for them so that the delta query, the stored table and
 * FULL refreshes agree on the layout.
 *
 * @param <T> the operator type
 */
public interface StatefulRootRule<T extends PlanNode> {

  /**
   * The hidden state {@code operator} keeps as the root, or empty.
   *
   * @param source the relation each scan reads (its live table for a full computation)
   * @param output the stream table's user column names (quoted)
   */
  Optional<RootState> rootState(T operator, Function<Scan, String> source, List<String> output);

  /**
   * Hidden state of a root operator.
   *
   * @param hiddenColumns the hidden column names, in storage order after the user columns
   * @param stateQuery a query computing the whole result over the sources: user columns (named like
   *     the stream table's), then the hidden columns
   * @param explain how the state is maintained, for explain
   */
  record RootState(List<String> hiddenColumns, String stateQuery, String explain) {
    public RootState {
      hiddenColumns = List.copyOf(hiddenColumns);
    }
  }
}
