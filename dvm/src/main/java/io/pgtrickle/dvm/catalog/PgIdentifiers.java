package io.pgtrickle.dvm.catalog;

/** PostgreSQL identifier quoting. */
public final class PgIdentifiers {
  private PgIdentifiers() {}

  /** Always double-quotes, doubling embedded quotes: safe for any name. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

}
