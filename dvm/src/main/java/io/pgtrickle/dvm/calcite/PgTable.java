package io.pgtrickle.dvm.calcite;

import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.catalog.PgRelation;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A PostgreSQL relation as a Calcite table. Keeps the {@link PgRelation} (OID, schema, keys) so the
 * lowering to our operator tree can find it again through {@code RelOptTable.unwrap(PgTable.class)}.
 * Unique keys whose columns are all NOT NULL are reported to Calcite's metadata as keys.
 */
public final class PgTable extends AbstractTable {
  private final PgRelation relation;

  PgTable(PgRelation relation) {
    this.relation = relation;
  }

  /** The relation this table stands for. */
  public PgRelation relation() {
    return relation;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (PgColumn c : relation.columns()) {
      b.add(c.name(), PgTypeMapping.toRelType(f, c.type(), c.typmod(), !c.notNull()));
    }
    return b.build();
  }

  @Override public Statistic getStatistic() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    if (!relation.primaryKey().isEmpty()) {
      keys.add(bits(relation.primaryKey()));
    }
    for (List<String> unique : relation.uniqueKeys()) {
      if (unique.stream().allMatch(n -> relation.column(n).map(PgColumn::notNull).orElse(false))) {
        keys.add(bits(unique));
      }
    }
    return Statistics.of(100d, keys);
  }

  private ImmutableBitSet bits(List<String> names) {
    ImmutableBitSet.Builder b = ImmutableBitSet.builder();
    for (String n : names) {
      b.set(relation.columns().indexOf(relation.column(n).orElseThrow()));
    }
    return b.build();
  }
}
