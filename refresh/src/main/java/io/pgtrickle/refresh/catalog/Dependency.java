package io.pgtrickle.refresh.catalog;

/**
 * One edge of the dependency graph: a relation a stream table's query reads directly.
 *
 * @param sourcePgtId the source's stream table id when it is a stream table, else null
 */
public record Dependency(
    long sourceRelid, String sourceSchema, String sourceName, char sourceRelkind, Long sourcePgtId) {

  /** Whether the source is itself a stream table. */
  public boolean sourceIsStreamTable() {
    return sourcePgtId != null;
  }
}
