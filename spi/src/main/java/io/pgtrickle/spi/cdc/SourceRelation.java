package io.pgtrickle.spi.cdc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table whose changes are captured, as the engine's catalog knows it.
 *
 * <p>The OID is the identity: change buffers are named after it, so renaming the table or its schema
 * changes nothing. {@code schema} and {@code name} are the names at the time the engine looked; backends
 * resolve the current name from the OID themselves before issuing DDL.
 *
 * @param oid the table's {@code pg_class} OID
 * @param schema its schema, as stored (not quoted)
 * @param name its name, as stored (not quoted)
 * @param primaryKey the primary-key columns in key order; empty for a keyless table
 * @param columnTypes every column of the table in attribute order, mapped to its SQL type as
 *     {@code format_type} renders it (for example {@code numeric(10,2)}); informative, backends read the
 *     live catalog for DDL
 */
public record SourceRelation(
    long oid, String schema, String name, List<String> primaryKey, Map<String, String> columnTypes) {

  public SourceRelation {
    if (oid <= 0 || oid > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an OID: " + oid);
    }
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    primaryKey = List.copyOf(primaryKey);
    columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
  }

  /** A relation known only by OID and name (for example a source dropped since). */
  public static SourceRelation of(long oid, String schema, String name) {
    return new SourceRelation(oid, schema, name, List.of(), Map.of());
  }

  /** {@code "schema"."name"}. */
  public String qualifiedName() {
    return SqlIdentifiers.qualified(schema, name);
  }

  @Override
  public String toString() {
    return qualifiedName() + " (oid " + oid + ")";
  }
}
