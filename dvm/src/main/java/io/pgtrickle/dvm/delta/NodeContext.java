package io.pgtrickle.dvm.delta;

import io.pgtrickle.spi.dvm.DeltaContext;
import io.pgtrickle.spi.dvm.InputRelations;
import java.util.List;
import java.util.Optional;

/** The {@link DeltaContext} of one node while its statement is being built. */
final class NodeContext implements DeltaContext {
  private final List<InputRelations> inputs;
  private final List<String> outputColumns;
  private final StatementBuilder statement;
  private final Optional<String> storedResult;
  private final boolean hiddenState;

  NodeContext(List<InputRelations> inputs, List<String> outputColumns, StatementBuilder statement,
      Optional<String> storedResult, boolean hiddenState) {
    this.hiddenState = hiddenState;
    this.inputs = List.copyOf(inputs);
    this.outputColumns = List.copyOf(outputColumns);
    this.statement = statement;
    this.storedResult = storedResult;
  }

  @Override public List<InputRelations> inputs() {
    return inputs;
  }

  @Override public String newCteName(String hint) {
    return statement.newName("d", hint);
  }

  @Override public List<String> outputColumns() {
    return outputColumns;
  }

  @Override public boolean isRoot() {
    return storedResult.isPresent();
  }

  @Override public Optional<String> storedResult() {
    return storedResult;
  }

  @Override public boolean hiddenStateAllowed() {
    return hiddenState;
  }
}
