package io.pgtrickle.dvm.delta.rules.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.spi.dvm.AggregateCallView;
import io.pgtrickle.spi.dvm.AggregateStrategy;
import io.pgtrickle.spi.dvm.SqlExpression;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Strategy lookup: plugins first in registration order, the group rescan last. No database needed. */
class AggregateStrategiesTest {
  /** A view of {@code name(x)}. */
  private static AggregateCallView call(String name) {
    return new AggregateCallView() {
      @Override public String functionName() {
        return name;
      }

      @Override public List<SqlExpression> arguments() {
        return List.of();
      }

      @Override public boolean distinct() {
        return false;
      }

      @Override public Optional<SqlExpression> filter() {
        return Optional.empty();
      }

      @Override public boolean ordered() {
        return false;
      }

      @Override public String resultTypeName() {
        return "bigint";
      }
    };
  }

  /** A third party's strategy for count only. */
  private static final class CountStrategy implements AggregateStrategy {
    @Override public boolean handles(AggregateCallView call) {
      return call.functionName().equals("count");
    }

    @Override public Maintenance maintenance() {
      return Maintenance.ALGEBRAIC;
    }

    @Override public List<StateColumn> stateColumns(AggregateCallView call, IntFunction<String> inputColumn) {
      return List.of(new StateColumn("count", "bigint", "sum(__pgt_w)"));
    }

    @Override public String finalValue(AggregateCallView call, List<String> stateColumnRefs) {
      return stateColumnRefs.get(0);
    }
  }

  @Test void serviceLoaderFindsTheStrategiesInOrderGroupRescanLast() {
    AggregateStrategies loaded = AggregateStrategies.loaded();
    assertInstanceOf(GroupRescanStrategy.class, loaded.all().get(loaded.all().size() - 1));
    assertEquals(List.of("CountStrategy", "SumStrategy", "AvgStrategy", "MinMaxStrategy", "GroupRescanStrategy"),
        loaded.all().stream().map(x -> x.getClass().getSimpleName()).toList());
    assertEquals(AggregateStrategy.Maintenance.ALGEBRAIC, loaded.forCall(call("count")).orElseThrow().maintenance());
    // without an exact argument (these calls have none) sum, avg, min and max are not algebraic
    for (String f : List.of("sum", "avg", "min", "max", "string_agg", "array_agg", "bool_and", "my_udaf")) {
      assertEquals(AggregateStrategy.Maintenance.GROUP_RESCAN, loaded.forCall(call(f)).orElseThrow().maintenance());
    }
  }

  @Test void pluginsComeBeforeTheGroupRescanWhateverTheOrder() {
    AggregateStrategies s = new AggregateStrategies(List.of(new GroupRescanStrategy(), new CountStrategy()));
    assertInstanceOf(CountStrategy.class, s.forCall(call("count")).orElseThrow());
    assertInstanceOf(GroupRescanStrategy.class, s.forCall(call("sum")).orElseThrow());
    assertEquals(2, s.all().size());
    assertTrue(new AggregateStrategies(List.of()).forCall(call("max")).isPresent());
  }

  @Test void theGroupRescanKeepsNoState() {
    GroupRescanStrategy g = new GroupRescanStrategy();
    assertEquals(List.of(), g.stateColumns(call("sum"), i -> "c" + i));
    assertThrows(IllegalStateException.class, () -> g.finalValue(call("sum"), List.of()));
  }
}
