package io.pgtrickle.dvm.delta.rules.aggregate;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link AggregateStrategy} plugins found by {@link ServiceLoader}, in registration order, with the
 * {@link GroupRescanStrategy} moved to the end so that it only takes the calls nobody else handles.
 * Immutable and thread-safe.
 */
public final class AggregateStrategies {
  private static final Logger LOG = System.getLogger(AggregateStrategies.class.getName());

  private final List<AggregateStrategy> strategies;

  /** The given strategies, in order, followed by a {@link GroupRescanStrategy} if none is among them. */
  public AggregateStrategies(List<AggregateStrategy> strategies) {
    List<AggregateStrategy> ordered = new ArrayList<>();
    List<AggregateStrategy> fallbacks = new ArrayList<>();
    for (AggregateStrategy s : strategies) {
      (s instanceof GroupRescanStrategy ? fallbacks : ordered).add(s);
    }
    ordered.addAll(fallbacks.isEmpty() ? List.of(new GroupRescanStrategy()) : fallbacks);
    this.strategies = List.copyOf(ordered);
  }

  /** The strategies registered with {@link ServiceLoader} on this class's class loader. */
  public static AggregateStrategies loaded() {
    List<AggregateStrategy> found = new ArrayList<>();
    for (AggregateStrategy s : ServiceLoader.load(AggregateStrategy.class, AggregateStrategies.class.getClassLoader())) {
      found.add(s);
    }
    LOG.log(Level.DEBUG, () -> "aggregate strategies: " + found);
    return new AggregateStrategies(found);
  }

  /** All strategies, in the order they are consulted. */
  public List<AggregateStrategy> all() {
    return strategies;
  }

  /** The first strategy that handles {@code call}. */
  public Optional<AggregateStrategy> forCall(AggregateCallView call) {
    return strategies.stream().filter(s -> s.handles(call)).findFirst();
  }
}
