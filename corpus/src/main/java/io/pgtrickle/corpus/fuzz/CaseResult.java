package io.pgtrickle.corpus.fuzz;

/**
 * The outcome of running one fuzz case.
 *
 * @param verdict what happened
 * @param mode the stream table's effective mode ({@code differential} or {@code full}), or null
 * @param detail the mismatch or error, why the case was skipped, or (passed) the FULL fallback reason
 */
public record CaseResult(Verdict verdict, String mode, String detail) {

  public enum Verdict {
    /** Every check held after every step. */
    PASS,
    /** PostgreSQL itself rejects the generated query or a statement: not a case. */
    INVALID,
    /** The stream table differs from its query or from its FULL twin, or a hidden count went negative. */
    MISMATCH,
    /** pgtrickle failed where PostgreSQL did not (an error other than a named 0A000 refusal). */
    ERROR
  }

  public boolean failed() {
    return verdict == Verdict.MISMATCH || verdict == Verdict.ERROR;
  }
}
