package io.pgtrickle.spi.cdc;

/**
 * The one change-buffer format that every {@link CdcBackend} writes and the refresh engine reads.
 *
 * <p>One table per source in schema {@value #SCHEMA}, named after the source's OID
 * ({@code pgtrickle_changes."changes_16384"}) so that renames do not matter:
 *
 * <pre>
 *   __pgt_xid  xid8     NOT NULL DEFAULT pg_current_xact_id()  -- top-level xid of the writer
 *   __pgt_w    smallint NOT NULL CHECK (__pgt_w IN (-1, 0, 1))  -- +1 insert, -1 delete, 0 TRUNCATE marker
 *   "col" ...  typed copies of the captured source columns (same type and collation as the source)
 *   index on (__pgt_xid); partial index on (__pgt_xid) WHERE __pgt_w = 0
 * </pre>
 *
 * An UPDATE is a {@code -1} row with the old image plus a {@code +1} row with the new image; an UPDATE
 * that changes no captured column writes nothing. A TRUNCATE writes one marker row ({@code __pgt_w = 0},
 * every data column NULL); weight 0 adds nothing to any sum, and {@link ChangeWindow#changesPredicate}
 * filters markers out anyway. There is deliberately no sequence column: changes are a Z-set (rows with
 * weights) and their sum over a window does not depend on order, so no global counter has to be taken
 * per row. Source columns are stored under their own names; a source column may not be named like one
 * of the metadata columns.
 */
public final class ChangeBufferLayout {

  /** The schema that holds every change buffer. */
  public static final String SCHEMA = "pgtrickle_changes";

  /** The writing transaction's top-level id, {@code xid8}. */
  public static final String XID_COLUMN = "__pgt_xid";

  /** The weight: {@link #INSERT}, {@link #DELETE} or {@link #TRUNCATE_MARKER}. */
  public static final String WEIGHT_COLUMN = "__pgt_w";

  /** Weight of a row that entered the source. */
  public static final int INSERT = 1;

  /** Weight of a row that left the source. */
  public static final int DELETE = -1;

  /** Weight of the marker row a TRUNCATE leaves. */
  public static final int TRUNCATE_MARKER = 0;

  private static final String TABLE_PREFIX = "changes_";

  private ChangeBufferLayout() {}

  /** The unquoted table name of a source's buffer, e.g. {@code changes_16384}. */
  public static String tableName(long sourceOid) {
    return TABLE_PREFIX + Long.toUnsignedString(sourceOid);
  }

  /** The quoted, schema-qualified buffer name, e.g. {@code "pgtrickle_changes"."changes_16384"}. */
  public static String qualifiedTableName(long sourceOid) {
    return SqlIdentifiers.qualified(SCHEMA, tableName(sourceOid));
  }

  /** True when {@code column} is one of the metadata columns and so cannot be a captured column. */
  public static boolean isReservedColumn(String column) {
    return XID_COLUMN.equals(column) || WEIGHT_COLUMN.equals(column);
  }
}
