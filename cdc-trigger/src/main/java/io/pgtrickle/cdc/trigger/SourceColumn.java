package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.SqlIdentifiers;
import java.util.Objects;

/**
 * One column of a source table as the capture needs it.
 *
 * @param name the column name, unquoted
 * @param sqlType the type of the buffer's copy, schema-qualified where needed; a domain is stored as its
 *     base type (a domain's NOT NULL or a constraint added later must not make capture fail)
 * @param collation the quoted, qualified collation when it differs from the type's default, else null
 * @param comparison how old and new values are compared
 */
record SourceColumn(String name, String sqlType, String collation, ColumnComparison comparison) {

  SourceColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** The quoted column name. */
  String quoted() {
    return SqlIdentifiers.quote(name);
  }

  /** The column's definition in the buffer's CREATE/ALTER TABLE, e.g. {@code "a" text COLLATE "C"}. */
  String bufferDefinition() {
    return quoted() + " " + sqlType + (collation == null ? "" : " COLLATE " + collation);
  }

  /** SQL reference to this column of the row aliased {@code alias}. */
  String ref(String alias) {
    return SqlIdentifiers.quote(alias) + "." + quoted();
  }
}
