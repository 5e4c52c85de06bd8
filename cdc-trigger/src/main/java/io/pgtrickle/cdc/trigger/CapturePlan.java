package io.pgtrickle.cdc.trigger;

import io.pgtrickle.spi.cdc.ChangeBufferLayout;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the capture of one source must look like, given the live source, the buffer as it is, and the
 * columns asked for: the captured columns (what the buffer has, plus what is asked, plus the primary
 * key; never fewer), which of them the buffer still lacks, and the function body that captures them.
 * Pure: it reads nothing itself.
 */
final class CapturePlan {

  private final LiveSource source;
  private final boolean bufferExists;
  private final List<SourceColumn> captured;
  private final List<SourceColumn> missingInBuffer;
  private final List<String> pairingKey;
  private final String functionBody;

  private CapturePlan(
      LiveSource source,
      boolean bufferExists,
      List<SourceColumn> captured,
      List<SourceColumn> missingInBuffer,
      List<String> pairingKey) {
    this.source = source;
    this.bufferExists = bufferExists;
    this.captured = List.copyOf(captured);
    this.missingInBuffer = List.copyOf(missingInBuffer);
    this.pairingKey = List.copyOf(pairingKey);
    this.functionBody =
        CaptureFunction.body(
            source.oid(),
            new CaptureStatements(
                ChangeBufferLayout.qualifiedTableName(source.oid()), captured, pairingKey));
  }

  /**
   * @param existingBuffer the buffer's captured columns (name to rendered type), empty if no buffer
   * @throws SQLException 42703 unknown column, 42701 reserved column name, 55000 buffer out of date
   */
  static CapturePlan of(
      LiveSource source, Optional<Map<String, String>> existingBuffer, Set<String> requested)
      throws SQLException {
    for (SourceColumn column : source.columns()) {
      if (ChangeBufferLayout.isReservedColumn(column.name())) {
        throw new SQLException(
            "cannot capture " + source.qualifiedName() + ": its column \"" + column.name()
                + "\" has the name of a change-buffer metadata column",
            "42701");
      }
    }
    for (String name : requested) {
      if (source.column(name).isEmpty()) {
        throw new SQLException(
            "column \"" + name + "\" of " + source.qualifiedName() + " does not exist", "42703");
      }
    }
    Map<String, String> existing = existingBuffer.orElse(Map.of());
    Set<String> wanted = new LinkedHashSet<>(existing.keySet());
    for (SourceColumn column : source.columns()) {
      if (requested.contains(column.name()) || source.keyColumns().contains(column.name())) {
        wanted.add(column.name());
      }
    }
    List<SourceColumn> captured = new ArrayList<>();
    List<SourceColumn> missing = new ArrayList<>();
    for (String name : wanted) {
      SourceColumn column =
          source
              .column(name)
              .orElseThrow(
                  () ->
                      new SQLException(
                          "the change buffer of " + source.qualifiedName() + " captures column \""
                              + name + "\", which the table no longer has; release the capture and"
                              + " capture again",
                          "55000"));
      String bufferType = existing.get(name);
      String sourceType = column.bufferDefinition().substring(column.quoted().length() + 1);
      if (bufferType == null) {
        missing.add(column);
      } else if (!bufferType.equals(sourceType)) {
        throw new SQLException(
            "the change buffer of " + source.qualifiedName() + " stores column \"" + name + "\" as "
                + bufferType + " but the table now has " + sourceType
                + "; release the capture and capture again",
            "55000");
      }
      captured.add(column);
    }
    return new CapturePlan(source, existingBuffer.isPresent(), captured, missing, source.pairingKey());
  }

  LiveSource source() {
    return source;
  }

  boolean bufferExists() {
    return bufferExists;
  }

  /** Every captured column, in buffer order. */
  List<SourceColumn> captured() {
    return captured;
  }

  /** Captured columns the buffer does not have yet (all of them when there is no buffer). */
  List<SourceColumn> missingInBuffer() {
    return missingInBuffer;
  }

  /** The key the UPDATE capture pairs images by; empty for the multiset difference. */
  List<String> pairingKey() {
    return pairingKey;
  }

  String functionBody() {
    return functionBody;
  }

  List<String> capturedNames() {
    return captured.stream().map(SourceColumn::name).toList();
  }
}
