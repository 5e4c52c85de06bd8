package io.pgtrickle.dvm.plan;

import io.pgtrickle.spi.dvm.Operator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A node of pgtrickle's operator tree: immutable, one record per operator. Column references inside
 * a node's expressions are input field indexes (for two-input nodes: left fields, then right).
 */
public sealed interface PlanNode extends Operator
    permits Scan, Filter, Project, Join, SemiJoin, AntiJoin, Aggregate, Distinct, SetOp, FullRefreshOnly {

  @Override List<PlanNode> inputs();

  /** Output columns, in order. */
  List<Column> columns();

  @Override default List<String> columnNames() {
    return columns().stream().map(Column::name).toList();
  }

  /** This node and all nodes below it, depth first, parents first. */
  default Stream<PlanNode> descendantsAndSelf() {
    return Stream.concat(Stream.of(this), inputs().stream().flatMap(PlanNode::descendantsAndSelf));
  }

  /** Every scalar expression held directly by this node. */
  default List<ScalarExpression> expressions() {
    return List.of();
  }
}
