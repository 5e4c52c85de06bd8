package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.catalog.PgIdentifiers;
import io.pgtrickle.dvm.plan.Scan;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Scan: <b>Δ scan(R) = π<sub>referenced</sub>(ΔR)</b>. The source's captured changes, already a Z-set
 * (+1 per inserted image, −1 per deleted image), restricted to the columns the query references.
 */
public final class ScanDeltaRule implements DeltaRule<Scan> {
  @Override public OperatorKind kind() {
    return OperatorKind.SCAN;
  }

  @Override public Class<Scan> operatorType() {
    return Scan.class;
  }

  @Override public DeltaSql emit(Scan scan, DeltaContext context) {
    InputRelations source = context.source(scan.relationOid());
    List<String> select = new ArrayList<>();
    for (int i = 0; i < scan.referenced().size(); i++) {
      select.add(PgIdentifiers.quote(scan.referenced().get(i).name()) + " AS " + context.outputColumns().get(i));
    }
    select.add(DeltaContext.WEIGHT_COLUMN);
    String name = context.newCteName("scan");
    return DeltaSql.of(name, "SELECT " + String.join(", ", select) + " FROM " + source.delta());
  }
}
