package io.pgtrickle.spi.dvm;

/**
 * Derives the delta of one kind of operator from the deltas (and old/new states) of its inputs.
 * Rules are pure: the same operator and context give the same SQL, so the result can be cached.
 * Implementations state the rule they implement in their class comment, e.g. "Δσp(R) = σp(ΔR)".
 *
 * @param <O> the operator class handled (a node type of {@code io.pgtrickle.dvm.plan})
 */
public interface DeltaRule<O extends Operator> {
  /** The operator kind this rule handles. */
  OperatorKind kind();

  /** The operator class this rule handles. */
  Class<O> operatorType();

  /**
   * Whether this rule can differentiate {@code operator} (e.g. a rule for inner joins only).
   * The first rule that accepts an operator is used.
   */
  default boolean accepts(O operator) {
    return true;
  }

  /** The CTEs computing {@code operator}'s delta. */
  DeltaSql emit(O operator, DeltaContext context);
}
