package io.pgtrickle.refresh.option;

/** An enumerated option value with its SQL spelling (lower case, as stored in the catalog). */
public interface OptionValue {

  /** The value as written in SQL and stored in the catalog, e.g. {@code full}. */
  String sqlName();
}
