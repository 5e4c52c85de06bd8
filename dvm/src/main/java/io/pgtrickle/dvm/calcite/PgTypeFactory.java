package io.pgtrickle.dvm.calcite;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Calcite's type factory over {@link PgTypeSystem}, which keeps {@link PgNamedType}s intact when
 * their nullability changes (Calcite's own copy would turn them into plain object types).
 */
public final class PgTypeFactory extends JavaTypeFactoryImpl {
  /** A factory for one analysis. */
  public PgTypeFactory() {
    super(PgTypeSystem.INSTANCE);
  }

  @Override public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type instanceof PgNamedType.AnyLike named) {
      return canonize(new PgNamedType.AnyLike(named.getSqlIdentifier().names, nullable));
    }
    return super.createTypeWithNullability(type, nullable);
  }
}
