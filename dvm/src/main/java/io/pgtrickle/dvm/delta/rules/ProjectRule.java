package io.pgtrickle.dvm.delta.rules;

import io.pgtrickle.dvm.delta.sql.Sql;
import io.pgtrickle.dvm.plan.Project;
import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.DeltaRule;
import io.pgtrickle.spi.dvm.DeltaSql;
import io.pgtrickle.spi.dvm.InputRelations;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Project: {@code Δπe(R) = πe(ΔR)}, weights carried. A bag projection is linear: each input row
 * contributes its image with its own weight (expressions are deterministic, so an input row has
 * one image in every state); images that collide are summed by the final consolidation.
 */
public final class ProjectRule implements DeltaRule<Project> {
  @Override public OperatorKind kind() {
    return OperatorKind.PROJECT;
  }

  @Override public Class<Project> operatorType() {
    return Project.class;
  }

  @Override public DeltaSql emit(Project project, DeltaContext context) {
    InputRelations in = context.inputs().get(0);
    IntFunction<String> field = Sql.fields("t", in.columns());
    List<String> items = new ArrayList<>();
    for (int i = 0; i < project.projections().size(); i++) {
      items.add(project.projections().get(i).toSql(field) + " AS " + context.outputColumns().get(i));
    }
    return DeltaSql.of(context.newCteName("project"), "SELECT " + String.join(", ", items) + ", t." + Sql.W
        + " FROM " + in.delta() + " AS t");
  }
}
