package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.PlanNode;
import io.pgtrickle.spi.dvm.DeltaRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The delta rules, from {@code META-INF/services/io.pgtrickle.spi.dvm.DeltaRule}, ordered by
 * descending {@link DeltaRule#priority()} and then registration (class-path) order; the first rule of
 * the node's kind and class that accepts the node is used.
 */
final class RuleRegistry {
  private final List<DeltaRule<?>> rules;

  RuleRegistry(List<DeltaRule<?>> rules) {
    List<DeltaRule<?>> ordered = new ArrayList<>(rules);
    ordered.sort(Comparator.comparingInt((DeltaRule<?> r) -> r.priority()).reversed()); // stable
    this.rules = List.copyOf(ordered);
  }

  /** The rules the class loader of this module can see. */
  static RuleRegistry load() {
    List<DeltaRule<?>> found = new ArrayList<>();
    for (DeltaRule<?> r : ServiceLoader.load(DeltaRule.class, RuleRegistry.class.getClassLoader())) {
      found.add(r);
    }
    return new RuleRegistry(found);
  }

  /** The first rule that accepts {@code node}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Optional<DeltaRule<PlanNode>> find(PlanNode node) {
    for (DeltaRule r : rules) {
      if (r.kind() == node.kind() && r.operatorType().isInstance(node) && r.accepts(node)) {
        return Optional.of((DeltaRule<PlanNode>) r);
      }
    }
    return Optional.empty();
  }

  int size() {
    return rules.size();
  }
}
