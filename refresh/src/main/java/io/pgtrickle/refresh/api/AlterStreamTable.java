package io.pgtrickle.refresh.api;

import java.util.List;

/**
 * {@code ALTER MATERIALIZED VIEW [IF EXISTS] name SET (…) | RESET (…)} where the list holds at least
 * one {@code pgtrickle.*} option, or where {@code name} is a stream table.
 *
 * @param setOptions {@code pgtrickle.*} items of a SET list (prefix stripped)
 * @param resetOptions {@code pgtrickle.*} names of a RESET list (prefix stripped)
 * @param setStorage ordinary storage parameters of a SET list
 * @param resetStorage ordinary storage parameter names of a RESET list
 */
public record AlterStreamTable(
    QualifiedName name,
    boolean ifExists,
    List<OptionSetting> setOptions,
    List<String> resetOptions,
    List<OptionSetting> setStorage,
    List<String> resetStorage,
    String originalSql)
    implements StreamTableCommand {

  public AlterStreamTable {
    setOptions = List.copyOf(setOptions);
    resetOptions = List.copyOf(resetOptions);
    setStorage = List.copyOf(setStorage);
    resetStorage = List.copyOf(resetStorage);
  }
}
