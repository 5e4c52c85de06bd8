package io.pgtrickle.dvm.analysis;

/**
 * The query cannot be maintained differentially; the message names the construct precisely
 * ("window function row_number()", "LIMIT", "volatile function random()").
 */
public final class UnsupportedQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** {@code construct} is the user-facing reason. */
  public UnsupportedQueryException(String construct) {
    super(construct);
  }

  /** With the Calcite error behind it. */
  public UnsupportedQueryException(String construct, Throwable cause) {
    super(construct, cause);
  }
}
