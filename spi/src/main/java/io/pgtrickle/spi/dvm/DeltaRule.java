package io.pgtrickle.spi.dvm;

/**
 * Derives the delta of one kind of operator from the deltas (and old/new states) of its inputs.
 * Rules are pure: the same operator and context give the same SQL, so the result can be cached.
 * Implementations state the rule they implement in their class comment, e.g. "Δσp(R) = σp(ΔR)".
 *
 * <p>Rules are found with {@link java.util.ServiceLoader} (a jar lists its rules in
 * {@code META-INF/services/io.pgtrickle.spi.dvm.DeltaRule}). For each operator the rules of its kind
 * and class are asked in descending {@link #priority()}, ties in class-path order; the first that
 * {@link #accepts} it is used. The built-in rules have priority 0, so a plugin with a higher priority
 * takes the operators it accepts and leaves the rest to them.
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

  /**
   * The order in which rules of one kind are asked: higher first. The built-in rules use 0; a plugin
   * that wants to take over some operators from them returns more.
   */
  default int priority() {
    return 0;
  }

  /** The CTEs computing {@code operator}'s delta. */
  DeltaSql emit(O operator, DeltaContext context);
}
