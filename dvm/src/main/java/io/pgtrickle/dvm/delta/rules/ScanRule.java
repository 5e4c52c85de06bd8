package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * Scan: {@code ΔScan(R) = ΔR}, the source's bound changes in the window. The differentiator hands
 * the scan its bound source as its one input, already named with the scan's output columns, so the
 * delta is that relation itself.
 */
public final class ScanRule implements DeltaRule<Scan> {
  @Override public OperatorKind kind() {
    return OperatorKind.SCAN;
  }

  @Override public Class<Scan> operatorType() {
    return Scan.class;
  }

  @Override public DeltaSql emit(Scan scan, DeltaContext context) {
    return new DeltaSql(List.of(), context.inputs().get(0).delta());
  }
}
