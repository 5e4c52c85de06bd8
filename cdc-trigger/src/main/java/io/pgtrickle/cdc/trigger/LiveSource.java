package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.util.List;
import java.util.Optional;

/**
 * A source table as PostgreSQL describes it right now, found by OID.
 *
 * @param oid the table's OID
 * @param schema its current schema
 * @param name its current name
 * @param partitioned whether it is a partitioned table (its key then spans all partitions)
 * @param columns every live column in attribute order
 * @param keyColumns the non-deferrable primary key, empty when there is none (a deferrable key can have
 *     transient duplicates inside a transaction, so it cannot pair old and new images)
 * @param descendants partitions and inheritance children at every level: a statement that names one
 *     of them directly fires only that table's statement triggers, so each needs the capture too
 */
record LiveSource(
    long oid,
    String schema,
    String name,
    boolean partitioned,
    List<SourceColumn> columns,
    List<String> keyColumns,
    List<TableRef> descendants) {

  LiveSource {
    columns = List.copyOf(columns);
    keyColumns = List.copyOf(keyColumns);
    descendants = List.copyOf(descendants);
  }

  String qualifiedName() {
    return SqlIdentifiers.qualified(schema, name);
  }

  /**
   * The key that pairs the old and new images of an UPDATE, or empty for the multiset difference. The
   * primary key of a partitioned table is unique across all partitions; that of an inheritance parent
   * covers the parent's own rows only, while its statements also change its children's rows.
   */
  List<String> pairingKey() {
    return partitioned || descendants.isEmpty() ? keyColumns : List.of();
  }

  /** The table itself followed by its descendants: every table that needs the capture triggers. */
  List<TableRef> capturedTables() {
    List<TableRef> tables = new java.util.ArrayList<>();
    tables.add(new TableRef(oid, qualifiedName()));
    tables.addAll(descendants);
    return tables;
  }

  Optional<SourceColumn> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
