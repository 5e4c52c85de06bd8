package io.pgtrickle.spi.cdc;

import java.util.List;
import java.util.Objects;

/**
 * What a backend currently captures for one source, as read back from PostgreSQL.
 *
 * @param sourceOid the source table's OID
 * @param backend the {@link CdcBackend#name()} that installed the capture
 * @param bufferRelation the quoted, schema-qualified change buffer the delta SQL reads
 * @param capturedColumns the source columns copied into the buffer, in buffer order (a superset of what
 *     was asked for: the primary key is always captured, and columns are never removed)
 * @param keyColumns the key the capture uses to pair old and new row images of an UPDATE; empty when
 *     the source has no usable (non-deferrable) primary key
 */
public record CaptureState(
    long sourceOid,
    String backend,
    String bufferRelation,
    List<String> capturedColumns,
    List<String> keyColumns) {

  public CaptureState {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(bufferRelation, "bufferRelation");
    capturedColumns = List.copyOf(capturedColumns);
    keyColumns = List.copyOf(keyColumns);
  }
}
