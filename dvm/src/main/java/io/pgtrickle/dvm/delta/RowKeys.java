package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.Aggregate;
import io.pgtrickle.dvm.plan.Distinct;
import io.pgtrickle.dvm.plan.Filter;
import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.dvm.plan.SetOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.calcite.rex.RexInputRef;

/**
 * Columns that identify a row of a node's result: the group keys of a grouped aggregate, every
 * column of a DISTINCT or a set-semantics set operation, kept through filters and through
 * projections that keep all key columns as plain column references.
 */
final class RowKeys {
  private RowKeys() {}

  /** The key of the root's result, or empty for a bag. */
  static List<Integer> of(PlanNode root) {
    return key(root).orElse(List.of());
  }

  private static Optional<List<Integer>> key(PlanNode node) {
    if (node instanceof Aggregate a) {
      return a.groupKeys().isEmpty() ? Optional.empty()
          : Optional.of(IntStream.range(0, a.groupKeys().size()).boxed().toList());
    } else if (node instanceof Distinct d) {
      return Optional.of(all(d));
    } else if (node instanceof SetOp s && !s.all()) {
      return Optional.of(all(s));
    } else if (node instanceof Filter f) {
      return key(f.input());
    } else if (node instanceof Project p) {
      return key(p.input()).flatMap(k -> mapThrough(p, k));
    }
    return Optional.empty();
  }

  private static Optional<List<Integer>> mapThrough(Project p, List<Integer> inputKey) {
    List<Integer> out = new ArrayList<>();
    for (int k : inputKey) {
      int found = -1;
      for (int i = 0; i < p.projections().size(); i++) {
        if (p.projections().get(i).rex() instanceof RexInputRef ref && ref.getIndex() == k) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return Optional.empty();
      }
      out.add(found);
    }
    return Optional.of(out.stream().sorted().toList());
  }

  private static List<Integer> all(PlanNode node) {
    return IntStream.range(0, node.columns().size()).boxed().toList();
  }
}
