package io.pgtrickle.spi.dvm;

import java.util.List;

/**
 * One node of the analysed operator tree. The concrete, immutable node types (with their
 * expressions) live in {@code io.pgtrickle.dvm.plan}; a {@link DeltaRule} is typed by the one it handles.
 */
public interface Operator {
  /** What kind of operator this is. */
  OperatorKind kind();

  /** The operator's inputs, left to right (none for a scan). */
  List<? extends Operator> inputs();

  /** Output column names, in order; unique within the operator. */
  List<String> columnNames();
}
