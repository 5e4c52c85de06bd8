package io.pgtrickle.refresh.api;

/**
 * A parsed stream-table DDL statement, handed by the driver to {@link StreamTableEngine#execute}.
 * {@link #originalSql()} is the statement exactly as the application sent it (kept in the catalog and
 * used in error messages).
 */
public sealed interface StreamTableCommand
    permits CreateStreamTable, AlterStreamTable, RefreshStreamTable, DropStreamTables {

  String originalSql();
}
