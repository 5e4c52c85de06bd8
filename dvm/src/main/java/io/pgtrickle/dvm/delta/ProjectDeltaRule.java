package io.pgtrickle.dvm.delta;

import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Project: <b>Δπ<sub>e</sub>(R) = π<sub>e</sub>(ΔR)</b> with the weight carried along. Bag projection
 * is linear; duplicates it creates stay separate rows whose weights the apply step adds up.
 */
public final class ProjectDeltaRule implements DeltaRule<Project> {
  @Override public OperatorKind kind() {
    return OperatorKind.PROJECT;
  }

  @Override public Class<Project> operatorType() {
    return Project.class;
  }

  @Override public DeltaSql emit(Project project, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    List<String> select = new ArrayList<>();
    for (int i = 0; i < project.projections().size(); i++) {
      select.add(project.projections().get(i).toSql(in.columns()::get) + " AS " + context.outputColumns().get(i));
    }
    select.add(DeltaContext.WEIGHT_COLUMN);
    String name = context.newCteName("project");
    return DeltaSql.of(name, "SELECT " + String.join(", ", select) + " FROM " + in.delta());
  }
}
