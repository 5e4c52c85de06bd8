package io.pgtrickle.refresh.api;

import java.util.List;

/**
 * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(col, …)] WITH (pgtrickle.stream = true, …)
 * AS query [WITH [NO] DATA]}.
 *
 * @param columnNames the explicit column list, case folded; empty when none was given
 * @param pgtrickleOptions the {@code pgtrickle.*} items except {@code pgtrickle.stream} itself
 * @param storageParameters the ordinary storage parameters of the WITH list, for the storage table
 * @param query the defining query's text, exactly as written (between {@code AS} and the optional
 *     trailing {@code WITH [NO] DATA}, trimmed)
 */
public record CreateStreamTable(
    QualifiedName name,
    boolean ifNotExists,
    List<String> columnNames,
    List<OptionSetting> pgtrickleOptions,
    List<OptionSetting> storageParameters,
    String query,
    boolean withData,
    String originalSql)
    implements StreamTableCommand {

  public CreateStreamTable {
    columnNames = List.copyOf(columnNames);
    pgtrickleOptions = List.copyOf(pgtrickleOptions);
    storageParameters = List.copyOf(storageParameters);
  }
}
