package io.pgtrickle.dvm.delta;

import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The delta rules in force: plugins found through {@link ServiceLoader} first (so they can override),
 * then pgtrickle's own. The first rule whose operator type matches and that accepts the operator wins.
 */
public final class DeltaRules {
  private final List<DeltaRule<?>> rules;

  private DeltaRules(List<DeltaRule<?>> rules) {
    this.rules = List.copyOf(rules);
  }

  /** pgtrickle's own rules only. */
  public static DeltaRules builtin() {
    return new DeltaRules(List.of(new ScanDeltaRule(), new FilterDeltaRule(), new ProjectDeltaRule()));
  }

  /** Plugins on the class path, then the built-in rules. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static DeltaRules discover() {
    List<DeltaRule<?>> all = new ArrayList<>();
    for (DeltaRule rule : ServiceLoader.load(DeltaRule.class)) {
      all.add(rule);
    }
    all.addAll(builtin().rules);
    return new DeltaRules(all);
  }

  /** The rule for {@code operator}, if any. */
  @SuppressWarnings("unchecked")
  public <O extends Operator> Optional<DeltaRule<O>> ruleFor(O operator) {
    for (DeltaRule<?> rule : rules) {
      if (rule.operatorType().isInstance(operator) && ((DeltaRule<O>) rule).accepts(operator)) {
        return Optional.of((DeltaRule<O>) rule);
      }
    }
    return Optional.empty();
  }
}
