package io.pgtrickle.dvm.plan;

import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.catalog.PgRelation;
import io.pgtrickle.spi.dvm.OperatorKind;
import java.util.List;

/**
 * Reads the referenced columns of one source relation.
 *
 * @param relation the source (OID, schema-qualified name, keys)
 * @param referenced the source columns the query uses, in output order
 * @param columns output columns (one per referenced source column)
 */
public record Scan(PgRelation relation, List<PgColumn> referenced, List<Column> columns) implements PlanNode {
  public Scan {
    referenced = List.copyOf(referenced);
    columns = List.copyOf(columns);
  }

  @Override public OperatorKind kind() {
    return OperatorKind.SCAN;
  }

  @Override public List<PlanNode> inputs() {
    return List.of();
  }

  /** The source relation's OID. */
  public long relationOid() {
    return relation.oid();
  }
}
